//! Writes a synthetic dataset for benchmarks:
//! `cargo run --release --example synthetic -- <events> <out.json> [seed]`.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use std::process::ExitCode;
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(count), Some(out)) = (
        args.first().and_then(|n| n.parse::<usize>().ok()),
        args.get(1),
    ) else {
        eprintln!("usage: synthetic <events> <out.json> [seed]");
        return ExitCode::from(2);
    };
    let seed = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(2010);
    let dataset = korea2010::data::synthetic::generate(count, seed);
    let text = match serde_json::to_string(&dataset) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("could not serialise: {error}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(error) = std::fs::write(out, text) {
        eprintln!("could not write {out}: {error}");
        return ExitCode::FAILURE;
    }
    println!("wrote {count} events to {out}");
    ExitCode::SUCCESS
}
