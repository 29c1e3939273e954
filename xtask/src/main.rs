//! Project automation, run as `cargo xtask <command>`.
//!
//! - `serve [--port N]`  set up if needed, build the release, serve it on loopback
//! - `test`              set up if needed, run every check and suite, print a summary
//! - `size`              build the release and print raw and gzip bytes per asset
//! - `single-file`       build the release as one HTML file that opens from disk,
//!   `dist-single/explorer.html` (`--from DIR`: from an existing build; `--out FILE`), with
//!   the post-build step's `node scripts/postbuild/main.mjs single-file`
//! - `bench`             build the release and synthetic datasets, then measure load,
//!   selection, facet, brush, zoom and playback in headless Chromium, then Lighthouse's
//!   mobile numbers beside a TimelineJS3 page (not part of `test`); `--lighthouse-only`
//!   builds and runs only Lighthouse
//! - `mutants [FILES…]`   mutation testing of the pure core with cargo-mutants (installed
//!   if missing), native tests only; prints the score per file (see `mutants.rs`)
//! - `setup`             only install what is missing (idempotent)

mod bench;
mod mutants;
mod process;
mod setup;
mod size;
mod test;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Where `cargo xtask single-file` writes, relative to the workspace root.
pub const SINGLE_FILE: &str = "dist-single/explorer.html";

/// The one place that post-processes a build (CSP, precache list, single file).
const POST_BUILD: &str = "scripts/postbuild/main.mjs";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = project_root();
    let result = match args.first().map(String::as_str) {
        Some("setup") => setup::ensure(&root),
        Some("serve") => serve(&root, &args[1..]),
        Some("build") => setup::ensure(&root).and_then(|()| build_release(&root)),
        Some("test") => test::run(&root),
        Some("mutants") => mutants::run(&root, &args[1..]),
        Some("size") => setup::ensure(&root)
            .and_then(|()| build_release(&root))
            .and_then(|()| size::report(&root)),
        Some("single-file") => single_file(&root, &args[1..]),
        Some("bench") => bench::parse_args(&args[1..]).and_then(|scope| {
            setup::ensure(&root)?;
            build_release(&root)?;
            bench::run_bench(&root, scope)
        }),
        _ => {
            eprintln!(
                "usage: cargo xtask <serve [--port N] | test | size | bench [--lighthouse-only] | \
                 build | setup | single-file [--from DIR] [--out FILE] | mutants [FILES…] [--flags…]>"
            );
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
pub fn build_release(root: &Path) -> Result<(), String> {
    process::run(root, "trunk", &["build", "--release", "--offline"], &[])
}

fn serve(root: &Path, args: &[String]) -> Result<(), String> {
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

/// `single-file [--from DIR] [--out FILE]`: without `--from`, builds the release first.
/// Relative paths are taken from the directory the command was run in.
fn single_file(root: &Path, args: &[String]) -> Result<(), String> {
    let cwd = std::env::current_dir().map_err(|e| format!("current directory: {e}"))?;
    let mut from = None;
    let mut out = root.join(SINGLE_FILE);
    let mut rest = args.iter();
    while let Some(flag) = rest.next() {
        let value = rest.next().ok_or_else(|| format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--from" => from = Some(cwd.join(value)),
            "--out" => out = cwd.join(value),
            _ => return Err("usage: cargo xtask single-file [--from DIR] [--out FILE]".to_owned()),
        }
    }
    let dist = match from {
        Some(dir) => dir,
        None => {
            setup::ensure(root)?;
            build_release(root)?;
            root.join("dist")
        }
    };
    let utf8 = |path: &Path| {
        path.to_str()
            .map(str::to_owned)
            .ok_or_else(|| format!("{}: not a UTF-8 path", path.display()))
    };
    process::run(
        root,
        "node",
        &[
            POST_BUILD,
            "single-file",
            "--from",
            &utf8(&dist)?,
            "--out",
            &utf8(&out)?,
        ],
        &[],
    )?;
    size::print_written(&out)
}
