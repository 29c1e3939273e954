//! Brings a fresh machine (rustup + cargo 1.95, Node 20, apt) to a working state. Every
//! step first checks whether it is already done, so running it again costs seconds.

use std::path::Path;

use crate::process::{run, version_of, version_output};

const TRUNK_VERSION: &str = "0.21.14";
const WASM_BINDGEN_VERSION: &str = "0.2.130";
const WASM_TARGET: &str = "wasm32-unknown-unknown";
const CARGO_MUTANTS_VERSION: &str = "27.1.0";

pub fn ensure(root: &Path) -> Result<(), String> {
    ensure_wasm_target(root)?;
    ensure_cargo_tool(root, "trunk", "trunk", TRUNK_VERSION, true)?;
    // Not `--locked`: the CLI's lockfile pins a crate version the registry does not serve.
    ensure_cargo_tool(
        root,
        "wasm-bindgen",
        "wasm-bindgen-cli",
        WASM_BINDGEN_VERSION,
        false,
    )?;
    ensure_npm_packages(root)?;
    ensure_chromium(root)?;
    ensure_firefox(root)?;
    // Trunk builds with `--offline`, so every crate must already be in cargo's cache.
    run(root, "cargo", &["fetch"], &[])
}

fn ensure_wasm_target(root: &Path) -> Result<(), String> {
    let installed = std::process::Command::new("rustup")
        .args(["target", "list", "--installed"])
        .output()
        .map(|o| {
            String::from_utf8_lossy(&o.stdout)
                .lines()
                .any(|l| l.trim() == WASM_TARGET)
        })
        .unwrap_or(false);
    if installed {
        return Ok(());
    }
    println!("setup: adding the {WASM_TARGET} target");
    run(root, "rustup", &["target", "add", WASM_TARGET], &[])
}

/// cargo-mutants, for `cargo xtask mutants` and the quick pass of `cargo xtask test` (a
/// cargo subcommand: it answers `cargo mutants --version`, not `cargo-mutants --version`).
pub fn ensure_cargo_mutants(root: &Path) -> Result<(), String> {
    let current = version_output(root, "cargo", &["mutants", "--version"]);
    install_unless_current(root, current, "cargo-mutants", CARGO_MUTANTS_VERSION, true)
}

fn ensure_cargo_tool(
    root: &Path,
    binary: &str,
    krate: &str,
    version: &str,
    locked: bool,
) -> Result<(), String> {
    let current = version_of(root, binary, "--version");
    install_unless_current(root, current, krate, version, locked)
}

fn install_unless_current(
    root: &Path,
    current: Option<String>,
    krate: &str,
    version: &str,
    locked: bool,
) -> Result<(), String> {
    if current
        .as_deref()
        .is_some_and(|v| v.split_whitespace().any(|w| w == version))
    {
        return Ok(());
    }
    println!("setup: installing {krate} {version} (takes several minutes once)");
    let mut args = vec!["install", krate, "--version", version, "--force"];
    if locked {
        args.push("--locked");
    }
    run(root, "cargo", &args, &[])
}

/// `npm ci` when `node_modules` is missing or older than the lockfile.
fn ensure_npm_packages(root: &Path) -> Result<(), String> {
    let modified = |path: &Path| std::fs::metadata(path).and_then(|m| m.modified()).ok();
    let lock = modified(&root.join("package-lock.json"));
    let installed = modified(&root.join("node_modules/.package-lock.json"));
    match (lock, installed) {
        (Some(lock), Some(installed)) if installed >= lock => Ok(()),
        _ => {
            println!("setup: installing npm dev dependencies from package-lock.json");
            run(root, "npm", &["ci", "--no-audit", "--no-fund"], &[])
        }
    }
}

fn ensure_chromium(root: &Path) -> Result<(), String> {
    if Path::new("/usr/bin/chromium").exists() && Path::new("/usr/bin/chromedriver").exists() {
        return Ok(());
    }
    println!("setup: installing Chromium and ChromeDriver from apt");
    apt_install(root, &["chromium", "chromium-driver"])
}

/// Firefox ESR, for the end-to-end smoke tests in a second engine (driven over WebDriver
/// BiDi by puppeteer-core; Playwright's Firefox would need a browser build of its own).
fn ensure_firefox(root: &Path) -> Result<(), String> {
    if Path::new("/usr/bin/firefox-esr").exists() {
        return Ok(());
    }
    println!("setup: installing Firefox ESR from apt");
    apt_install(root, &["firefox-esr"])
}

/// `apt-get install` of Debian packages, as root or through sudo.
fn apt_install(root: &Path, packages: &[&str]) -> Result<(), String> {
    let is_root = std::process::Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false);
    let env = [("DEBIAN_FRONTEND", "noninteractive")];
    let mut install = vec!["install", "-y"];
    install.extend_from_slice(packages);
    if is_root {
        run(root, "apt-get", &["update"], &env)?;
        run(root, "apt-get", &install, &env)
    } else {
        run(root, "sudo", &["apt-get", "update"], &env)?;
        let mut sudo = vec!["DEBIAN_FRONTEND=noninteractive", "apt-get"];
        sudo.extend(install);
        run(root, "sudo", &sudo, &env)
    }
}
