//! `cargo xtask size`: raw and gzip bytes of every file a first load fetches from `dist/`,
//! with the wasm + JS total tracked against the 200 KB budget, the basemap's weight, and the
//! single-file build's size when there is one.

use std::io::Write;
use std::path::Path;

const BUDGET_GZIP: u64 = 200 * 1024;
/// The deep links' first frames (`first-frame/<event id>.html`): a phone's link to an event
/// fetches one of them, nothing else does, so they are reported apart from the first load.
const FIRST_FRAMES: &str = "first-frame";
/// The files module, fetched only when a reader opens a file of their own or exports (the same list
/// as `ON_DEMAND` in `scripts/postbuild/precache.mjs`, which caches them on first use).
const ON_DEMAND: [&str; 2] = ["files.js", "files_bg.wasm"];

pub fn report(root: &Path) -> Result<(), String> {
    let dist = root.join("dist");
    let mut all = Vec::new();
    collect(&dist, &dist, &mut all)?;
    let prefix = format!("{FIRST_FRAMES}/");
    let (frames, rest): (Vec<_>, Vec<_>) = all
        .into_iter()
        .partition(|(name, ..)| name.starts_with(&prefix));
    let (on_demand, mut rows): (Vec<_>, Vec<_>) = rest
        .into_iter()
        .partition(|(name, ..)| ON_DEMAND.contains(&name.as_str()));
    rows.sort();
    println!("{:<48} {:>10} {:>10}", "asset", "raw", "gzip");
    let (mut raw_total, mut gzip_total, mut code_gzip) = (0, 0, 0);
    for (name, raw, gzip) in &rows {
        println!("{name:<48} {raw:>10} {gzip:>10}");
        raw_total += raw;
        gzip_total += gzip;
        if name.ends_with(".wasm") || name.ends_with(".js") {
            code_gzip += gzip;
        }
    }
    println!(
        "{:<48} {raw_total:>10} {gzip_total:>10}",
        "total (first load)"
    );
    println!("wasm + js gzip: {code_gzip} bytes");
    if !on_demand.is_empty() {
        let (raw, gzip) = on_demand
            .iter()
            .fold((0, 0), |(raw, gzip), (_, r, g)| (raw + r, gzip + g));
        println!(
            "on demand, not in the first load ({}): {raw} bytes raw, {gzip} bytes gzip (fetched when a reader opens a file or exports)",
            ON_DEMAND.join(", ")
        );
    }
    if let Some(largest) = frames.iter().map(|&(_, _, gzip)| gzip).max() {
        println!(
            "first frames of deep links ({FIRST_FRAMES}/): {} files, the largest {largest} bytes gzip (a phone's link to an event adds one)",
            frames.len()
        );
    }
    let basemap = root.join("src/geo/basemap.bin");
    if let Ok(bytes) = std::fs::read(&basemap) {
        println!(
            "basemap (embedded in the wasm): {} bytes raw, {} bytes gzip",
            bytes.len(),
            gzip_len(&bytes)?
        );
    }
    println!(
        "budget: {gzip_total} of {BUDGET_GZIP} bytes gzip all-in ({})",
        if gzip_total <= BUDGET_GZIP {
            "within"
        } else {
            "OVER"
        }
    );
    single_file(root)
}

/// The single-file build, if one was written (`cargo xtask single-file`).
fn single_file(root: &Path) -> Result<(), String> {
    let path = root.join(crate::SINGLE_FILE);
    let Ok(bytes) = std::fs::read(&path) else {
        println!("single file: none yet (`cargo xtask single-file` writes it)");
        return Ok(());
    };
    println!(
        "single file {}: {} bytes raw, {} bytes gzip (as of its last build)",
        crate::SINGLE_FILE,
        bytes.len(),
        gzip_len(&bytes)?
    );
    Ok(())
}

/// Raw and gzip bytes of a file just written, in the terms of `cargo xtask size`.
pub fn print_written(path: &Path) -> Result<(), String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    println!(
        "{}: {} bytes raw, {} bytes gzip",
        path.display(),
        bytes.len(),
        gzip_len(&bytes)?
    );
    Ok(())
}

fn collect(dir: &Path, base: &Path, rows: &mut Vec<(String, u64, u64)>) -> Result<(), String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("{}: {e} (build first)", dir.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, base, rows)?;
        } else {
            let bytes = std::fs::read(&path).map_err(|e| e.to_string())?;
            let name = path
                .strip_prefix(base)
                .unwrap_or(&path)
                .display()
                .to_string();
            rows.push((name, bytes.len() as u64, gzip_len(&bytes)?));
        }
    }
    Ok(())
}

/// Size after `gzip -9`, the way a static host would serve it.
fn gzip_len(bytes: &[u8]) -> Result<u64, String> {
    let mut child = std::process::Command::new("gzip")
        .args(["-9", "-c"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .map_err(|e| format!("gzip: {e}"))?;
    let mut stdin = child.stdin.take().ok_or("gzip: no stdin")?;
    let data = bytes.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&data));
    let output = child.wait_with_output().map_err(|e| e.to_string())?;
    writer
        .join()
        .map_err(|_| "gzip writer panicked")?
        .map_err(|e| e.to_string())?;
    Ok(output.stdout.len() as u64)
}
