//! Running tools with the project's tool directories on PATH.

use std::path::Path;
use std::process::{Command, Stdio};

/// PATH with the npm tools (wasm-opt) and cargo's bin directory in front, so Trunk finds
/// the exact tool versions the project installs.
pub fn tool_path(root: &Path) -> String {
    let mut dirs = vec![root.join("node_modules/.bin").display().to_string()];
    if let Some(home) = std::env::var_os("CARGO_HOME") {
        dirs.push(Path::new(&home).join("bin").display().to_string());
    } else if let Some(home) = std::env::var_os("HOME") {
        dirs.push(Path::new(&home).join(".cargo/bin").display().to_string());
    }
    if let Ok(path) = std::env::var("PATH") {
        dirs.push(path);
    }
    dirs.join(":")
}

fn command(root: &Path, program: &str, args: &[&str], envs: &[(&str, &str)]) -> Command {
    let mut command = Command::new(program);
    command
        .args(args)
        .current_dir(root)
        .env("PATH", tool_path(root));
    for (key, value) in envs {
        command.env(key, value);
    }
    command
}

/// Runs a command with inherited output; an error names the command.
pub fn run(root: &Path, program: &str, args: &[&str], envs: &[(&str, &str)]) -> Result<(), String> {
    let status = command(root, program, args, envs)
        .status()
        .map_err(|e| format!("could not start `{program}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{program} {}` failed ({status})", args.join(" ")))
    }
}

/// Runs a command with inherited output and returns its exit code, for tools whose codes
/// mean different outcomes.
pub fn run_status(
    root: &Path,
    program: &str,
    args: &[&str],
    envs: &[(&str, &str)],
) -> Result<i32, String> {
    let status = command(root, program, args, envs)
        .status()
        .map_err(|e| format!("could not start `{program}`: {e}"))?;
    status
        .code()
        .ok_or_else(|| format!("`{program} {}` was killed ({status})", args.join(" ")))
}

/// Runs a command, echoing its output while also capturing it (for summaries).
pub fn run_capture(
    root: &Path,
    program: &str,
    args: &[&str],
    envs: &[(&str, &str)],
) -> (bool, String) {
    use std::io::{BufRead, BufReader};
    let child = command(root, program, args, envs)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match child {
        Ok(child) => child,
        Err(e) => return (false, format!("could not start `{program}`: {e}")),
    };
    let stderr = child.stderr.take().expect("piped");
    let stderr_thread = std::thread::spawn(move || {
        let mut text = String::new();
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            eprintln!("{line}");
            text.push_str(&line);
            text.push('\n');
        }
        text
    });
    let mut text = String::new();
    if let Some(stdout) = child.stdout.take() {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            println!("{line}");
            text.push_str(&line);
            text.push('\n');
        }
    }
    text.push_str(&stderr_thread.join().unwrap_or_default());
    let ok = child.wait().map(|s| s.success()).unwrap_or(false);
    (ok, text)
}

/// The first line a tool prints for `--version`, if it runs at all.
pub fn version_of(root: &Path, program: &str, flag: &str) -> Option<String> {
    version_output(root, program, &[flag])
}

/// The first line a tool prints for these arguments (e.g. `mutants --version` of cargo).
pub fn version_output(root: &Path, program: &str, args: &[&str]) -> Option<String> {
    let output = command(root, program, args, &[]).output().ok()?;
    if !output.status.success() {
        return None;
    }
    let text = String::from_utf8_lossy(&output.stdout).to_string()
        + &String::from_utf8_lossy(&output.stderr);
    text.lines().next().map(|l| l.trim().to_owned())
}
