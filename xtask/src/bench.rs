//! `cargo xtask bench`: the release build, synthetic datasets of 1k, 10k and 50k events,
//! then `tests/bench/bench.mjs` in headless Chromium, which prints the table, then
//! `tests/bench/lighthouse.mjs`, which prints Lighthouse's mobile numbers for the explorer
//! beside a TimelineJS3 page of the same chronicle. `--lighthouse-only` skips to the last.

use std::path::Path;

use crate::process::run;

const SIZES: [(usize, &str); 3] = [
    (1_000, "events-1k.json"),
    (10_000, "events-10k.json"),
    (50_000, "events-50k.json"),
];

/// What `cargo xtask bench` measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// The datasets and the page measurements, then Lighthouse.
    All,
    /// Lighthouse alone (quick before/after comparisons).
    LighthouseOnly,
}

/// The command's flags: none, or `--lighthouse-only`.
pub fn parse_args(args: &[String]) -> Result<Scope, String> {
    match args {
        [] => Ok(Scope::All),
        [flag] if flag == "--lighthouse-only" => Ok(Scope::LighthouseOnly),
        _ => Err("usage: cargo xtask bench [--lighthouse-only]".to_owned()),
    }
}

pub fn run_bench(root: &Path, scope: Scope) -> Result<(), String> {
    if scope == Scope::All {
        run_page_bench(root)?;
    }
    run(root, "node", &["tests/bench/lighthouse.mjs", "dist"], &[])
}

fn run_page_bench(root: &Path) -> Result<(), String> {
    let out = root.join("target/bench");
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    let mut files = Vec::new();
    for (count, name) in SIZES {
        let path = out.join(name).display().to_string();
        let count = count.to_string();
        run(
            root,
            "cargo",
            &[
                "run",
                "--quiet",
                "--release",
                "--example",
                "synthetic",
                "--",
                &count,
                &path,
            ],
            &[],
        )?;
        files.push(path);
    }
    let mut args = vec!["tests/bench/bench.mjs", "dist"];
    args.extend(files.iter().map(String::as_str));
    run(root, "node", &args, &[])
}
