//! Project automation, run as `cargo xtask <command>`.
//!
//! - `serve [--port N]`  set up if needed, build the release, serve it on loopback
//! - `test`              set up if needed, run every check and suite, print a summary
//! - `size`              build the release and print raw and gzip bytes per asset
//! - `setup`             only install what is missing (idempotent)

mod process;
mod setup;
mod size;
mod test;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = project_root();
    let result = match args.first().map(String::as_str) {
        Some("setup") => setup::ensure(&root),
        Some("serve") => serve(&root, &args[1..]),
        Some("build") => setup::ensure(&root).and_then(|()| build_release(&root)),
        Some("test") => test::run(&root),
        Some("size") => setup::ensure(&root)
            .and_then(|()| build_release(&root))
            .and_then(|()| size::report(&root)),
        _ => {
            eprintln!("usage: cargo xtask <serve [--port N] | test | size | build | setup>");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace root (the parent of this crate's manifest directory).
fn project_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives inside the workspace")
        .to_path_buf()
}

/// `trunk build --release --offline` into `dist/`.
pub fn build_release(root: &std::path::Path) -> Result<(), String> {
    process::run(root, "trunk", &["build", "--release", "--offline"], &[])
}

fn serve(root: &std::path::Path, args: &[String]) -> Result<(), String> {
    let port = match args {
        [] => "8080".to_owned(),
        [flag, port] if flag == "--port" && port.parse::<u16>().is_ok() => port.clone(),
        _ => return Err("usage: cargo xtask serve [--port N]".to_owned()),
    };
    setup::ensure(root)?;
    build_release(root)?;
    // The same static server the end-to-end tests use; it prints the URL.
    process::run(root, "node", &["scripts/serve.mjs", "dist", &port], &[])
}
