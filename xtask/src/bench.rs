//! `cargo xtask bench`: the release build, synthetic datasets of 1k, 10k and 50k events,
//! then `tests/bench/bench.mjs` in headless Chromium, which prints the table.

use std::path::Path;

use crate::process::run;

const SIZES: [(usize, &str); 3] = [
    (1_000, "events-1k.json"),
    (10_000, "events-10k.json"),
    (50_000, "events-50k.json"),
];

pub fn run_bench(root: &Path) -> Result<(), String> {
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
