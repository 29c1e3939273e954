//! Mutation testing of the pure core with cargo-mutants: every mutant is a small change to
//! the code (an operator flipped, a function's body replaced by a default value); a mutant
//! that no native test notices is "missed". What is mutated and which tests run is set in
//! `.cargo/mutants.toml` (everything outside `src/ui/`; native tests only).
//!
//! - `cargo xtask mutants [FILES…] [cargo-mutants flags…]`: the full run, or the given files,
//!   then the score per file; fails below [`REQUIRED_SCORE`].
//! - `cargo xtask mutants --sample K/N`: every N-th mutant of the whole core (the K-th of
//!   each N, K from 0), an estimate of the full run's score with its 95 % interval, in
//!   1/N of its time.
//! - [`quick`], inside `cargo xtask test` (alone: `cargo xtask mutants --quick`): only the
//!   mutants in lines changed since the previous commit (`--in-diff`), bounded in count; any
//!   mutant not caught fails it.

use std::collections::BTreeMap;
use std::path::Path;

use crate::process::{run_status, tool_path};
use crate::setup;

/// The score (caught among caught + missed + timeouts) the full run must reach.
pub const REQUIRED_SCORE: f64 = 95.0;

/// At most this many mutants in the quick pass; a larger diff tests an even spread of them.
/// Twelve keep the pass within a few minutes of CI's time (about 20 s a mutant here).
const QUICK_MAX_MUTANTS: usize = 12;

/// Per-mutant limits of the quick pass, in seconds (a mutant takes ~5 s to build and ~15 s
/// to test on a 2-core machine).
const QUICK_TEST_TIMEOUT: &str = "120";
const QUICK_BUILD_TIMEOUT: &str = "300";

/// `cargo xtask mutants [FILES…] [--flags…]`: arguments starting with `-` go to
/// cargo-mutants as they are (e.g. `--list`, `--iterate`); the others are files to mutate.
pub fn run(root: &Path, args: &[String]) -> Result<(), String> {
    setup::ensure_cargo_mutants(root)?;
    if args == ["--quick"] {
        return match quick(root) {
            (_, 0) => Ok(()),
            (_, failed) => Err(format!("{failed} mutants not caught")),
        };
    }
    let out = root.join("target/mutants");
    let mut cargo_args: Vec<String> = vec!["mutants".into(), "-j".into(), "1".into()];
    let mut listing = false;
    let mut sampled = false;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        if arg == "--sample" {
            // Round-robin sharding spreads the shard over every file, unlike the default
            // slices of consecutive mutants.
            let shard = rest.next().ok_or("--sample needs K/N, e.g. 0/80")?;
            cargo_args.extend(["--shard", shard, "--sharding", "round-robin"].map(String::from));
            sampled = true;
        } else if arg == "--" {
            cargo_args.push(arg.clone());
            cargo_args.extend(rest.by_ref().cloned());
        } else if arg.starts_with('-') {
            listing |= arg == "--list" || arg == "--list-files";
            cargo_args.push(arg.clone());
            // Flags that take a value in the next argument.
            const VALUED: [&str; 9] = [
                "--re",
                "-F",
                "--exclude-re",
                "-E",
                "--timeout",
                "--shard",
                "--sharding",
                "--in-diff",
                "--exclude",
            ];
            if VALUED.contains(&arg.as_str()) {
                cargo_args.extend(rest.next().cloned());
            }
        } else {
            cargo_args.extend(["--file".to_owned(), arg.clone()]);
        }
    }
    if sampled && args.iter().any(|a| a == "--iterate") {
        // `--iterate` leaves out what was caught before, and the shard is then drawn from
        // what is left: a different sample, not the same one again.
        return Err(
            "--sample cannot be combined with --iterate: the sample would be drawn \
                    from the mutants left over; test the missed ones by their files instead"
                .into(),
        );
    }
    if !listing {
        cargo_args.extend(["--output".to_owned(), out.display().to_string()]);
    }
    let refs: Vec<&str> = cargo_args.iter().map(String::as_str).collect();
    let target = build_target(root);
    let modules = node_modules(root);
    let env = [
        ("CARGO_TARGET_DIR", target.as_str()),
        (NODE_MODULES_VAR, modules.as_str()),
    ];
    let code = run_status(root, "cargo", &refs, &env)?;
    if listing {
        return if code == 0 {
            Ok(())
        } else {
            Err(format!("cargo mutants exited with {code}"))
        };
    }
    if !matches!(code, 0 | 2 | 3) {
        return Err(format!(
            "cargo mutants exited with {code} (1: usage, 4: the tests fail without mutants)"
        ));
    }
    let scores = Scores::read(&out.join("mutants.out"))?;
    scores.print();
    if sampled {
        let total = scores.total();
        let (lo, hi) = total.interval();
        println!(
            "a sample of the whole core: {:.1} % caught; the full run's score is within \
             {lo:.1}–{hi:.1} % (95 % Wilson interval)",
            total.score()
        );
    }
    let score = scores.score_with_earlier();
    if score + 1e-9 < REQUIRED_SCORE {
        Err(format!(
            "{score:.1} % of the mutants caught, below the required {REQUIRED_SCORE} %"
        ))
    } else {
        Ok(())
    }
}

/// Tests that read npm packages (the TimelineJS examples) find `node_modules` here: the
/// copy cargo-mutants tests in leaves out what `.gitignore` lists.
const NODE_MODULES_VAR: &str = "KOREA2010_NODE_MODULES";

fn node_modules(root: &Path) -> String {
    root.join("node_modules").display().to_string()
}

/// The quick pass: `(passed, failed)` for the test summary. Tests the mutants in the lines
/// of the pure core that differ between the work tree and the previous commit.
pub fn quick(root: &Path) -> (usize, usize) {
    match quick_pass(root) {
        Ok(QuickResult::Nothing(why)) => {
            println!("quick mutation pass: {why}; nothing to test");
            (1, 0)
        }
        Ok(QuickResult::Tested(scores)) => {
            scores.print();
            let total = scores.total();
            (total.caught, total.missed + total.timeout)
        }
        Err(message) => {
            eprintln!("quick mutation pass: {message}");
            (0, 1)
        }
    }
}

enum QuickResult {
    Nothing(String),
    Tested(Scores),
}

fn quick_pass(root: &Path) -> Result<QuickResult, String> {
    let git = |args: &[&str]| {
        std::process::Command::new("git")
            .args(args)
            .current_dir(root)
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
    };
    if git(&["rev-parse", "--verify", "--quiet", "HEAD~1^{commit}"]).is_none() {
        return Ok(QuickResult::Nothing(
            "no previous commit to compare with (a shallow or single-commit clone, or no git)"
                .to_owned(),
        ));
    }
    let diff = git(&[
        "diff",
        "--no-color",
        "--no-ext-diff",
        "HEAD~1",
        "--",
        "src",
        ":(exclude)src/ui",
    ])
    .ok_or("`git diff HEAD~1` failed")?;
    if !touches_pure_core(&diff) {
        return Ok(QuickResult::Nothing(
            "no file of the pure core changed since the previous commit".to_owned(),
        ));
    }
    let out = root.join("target/mutants-quick");
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    let diff_file = out.join("changes.diff");
    std::fs::write(&diff_file, &diff).map_err(|e| format!("{}: {e}", diff_file.display()))?;
    let diff_arg = diff_file.display().to_string();
    let target = build_target(root);
    let modules = node_modules(root);
    let env = [
        ("CARGO_TARGET_DIR", target.as_str()),
        (NODE_MODULES_VAR, modules.as_str()),
    ];

    let listing = std::process::Command::new("cargo")
        .args(["mutants", "--list", "--in-diff", &diff_arg])
        .current_dir(root)
        .env("PATH", tool_path(root))
        .output()
        .map_err(|e| format!("could not start `cargo mutants --list`: {e}"))?;
    if !listing.status.success() {
        return Err(format!(
            "cargo mutants --list failed: {}",
            String::from_utf8_lossy(&listing.stderr).trim()
        ));
    }
    let listing = String::from_utf8_lossy(&listing.stdout);
    let count = listing.lines().filter(|l| is_mutant_line(l)).count();
    if count == 0 {
        return Ok(QuickResult::Nothing(
            "the changed lines of the pure core make no mutants".to_owned(),
        ));
    }
    let mut args = vec![
        "mutants".to_owned(),
        "-j".into(),
        "1".into(),
        "--in-diff".into(),
        diff_arg,
        "--output".into(),
        out.display().to_string(),
        "--timeout".into(),
        QUICK_TEST_TIMEOUT.into(),
        "--build-timeout".into(),
        QUICK_BUILD_TIMEOUT.into(),
    ];
    let shards = count.div_ceil(QUICK_MAX_MUTANTS);
    if shards > 1 {
        println!(
            "quick mutation pass: {count} mutants in the changed lines; testing every \
             {shards}th ({} of them) to stay quick — `cargo xtask mutants FILE` tests all",
            count.div_ceil(shards)
        );
        args.extend([
            "--shard".into(),
            format!("0/{shards}"),
            "--sharding".into(),
            "round-robin".into(),
        ]);
    }
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    let code = run_status(root, "cargo", &refs, &env)?;
    if !matches!(code, 0 | 2 | 3) {
        return Err(format!(
            "cargo mutants exited with {code} (1: usage, 4: the tests fail without mutants, \
             5/6: the diff does not apply)"
        ));
    }
    Ok(QuickResult::Tested(Scores::read(&out.join("mutants.out"))?))
}

/// Whether a unified diff changes a Rust file under `src/` outside `src/ui/` (deletions
/// alone make no mutants).
fn touches_pure_core(diff: &str) -> bool {
    diff.lines()
        .filter_map(|l| l.strip_prefix("+++ b/"))
        .any(|path| {
            path.starts_with("src/") && !path.starts_with("src/ui/") && path.ends_with(".rs")
        })
}

/// A line of `cargo mutants --list`: `src/url.rs:123:5: replace … with …`.
fn is_mutant_line(line: &str) -> bool {
    line.split_once(':').is_some_and(|(path, rest)| {
        path.ends_with(".rs")
            && rest
                .split(':')
                .next()
                .is_some_and(|n| n.parse::<u32>().is_ok())
    })
}

/// Builds of mutants share one target directory under `target/`, so the dependencies are
/// compiled once, not again in every run's temporary copy of the tree.
fn build_target(root: &Path) -> String {
    root.join("target/mutants-build").display().to_string()
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Tally {
    caught: usize,
    missed: usize,
    timeout: usize,
    unviable: usize,
}

impl Tally {
    /// Caught among caught, missed and timed out (unviable mutants do not build, so they
    /// say nothing about the tests), as a percentage; 100 when nothing was tested.
    fn score(&self) -> f64 {
        let tested = self.caught + self.missed + self.timeout;
        if tested == 0 {
            100.0
        } else {
            100.0 * self.caught as f64 / tested as f64
        }
    }

    /// The 95 % Wilson score interval of the caught share, as percentages: where the
    /// score of all mutants lies when these are a random sample of them.
    fn interval(&self) -> (f64, f64) {
        let n = (self.caught + self.missed + self.timeout) as f64;
        if n == 0.0 {
            return (0.0, 100.0);
        }
        const Z: f64 = 1.96;
        let p = self.caught as f64 / n;
        let centre = p + Z * Z / (2.0 * n);
        let spread = Z * (p * (1.0 - p) / n + Z * Z / (4.0 * n * n)).sqrt();
        let scale = 1.0 + Z * Z / n;
        (
            100.0 * ((centre - spread) / scale).max(0.0),
            100.0 * ((centre + spread) / scale).min(1.0),
        )
    }

    fn add(&mut self, other: &Tally) {
        self.caught += other.caught;
        self.missed += other.missed;
        self.timeout += other.timeout;
        self.unviable += other.unviable;
    }
}

/// Outcomes per source file, from cargo-mutants' `caught.txt`, `missed.txt`, `timeout.txt`
/// and `unviable.txt`.
struct Scores {
    files: BTreeMap<String, Tally>,
    missed: Vec<String>,
    /// With `--iterate`: mutants caught (or unviable) in earlier runs and not tested again.
    earlier: usize,
}

impl Scores {
    fn read(dir: &Path) -> Result<Scores, String> {
        let read = |name: &str| -> Result<String, String> {
            let path = dir.join(name);
            match std::fs::read_to_string(&path) {
                Ok(text) => Ok(text),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(String::new()),
                Err(e) => Err(format!("{}: {e}", path.display())),
            }
        };
        let mut scores = Scores::from_lists(
            &read("caught.txt")?,
            &read("missed.txt")?,
            &read("timeout.txt")?,
            &read("unviable.txt")?,
        );
        // `previously_caught.txt` (only with `--iterate`) may also list this run's caught
        // and unviable mutants; those are counted once.
        let this_run = read("caught.txt")? + &read("unviable.txt")?;
        let this_run: std::collections::BTreeSet<&str> = this_run.lines().collect();
        scores.earlier = read("previously_caught.txt")?
            .lines()
            .filter(|l| is_mutant_line(l) && !this_run.contains(l))
            .count();
        Ok(scores)
    }

    fn from_lists(caught: &str, missed: &str, timeout: &str, unviable: &str) -> Scores {
        let mut files: BTreeMap<String, Tally> = BTreeMap::new();
        let mut missed_names = Vec::new();
        for (text, field) in [(caught, 0usize), (missed, 1), (timeout, 2), (unviable, 3)] {
            for line in text.lines().filter(|l| is_mutant_line(l)) {
                let file = line.split(':').next().unwrap_or_default().to_owned();
                let tally = files.entry(file).or_default();
                match field {
                    0 => tally.caught += 1,
                    1 => tally.missed += 1,
                    2 => tally.timeout += 1,
                    _ => tally.unviable += 1,
                }
                if field == 1 || field == 2 {
                    missed_names.push(line.to_owned());
                }
            }
        }
        Scores {
            files,
            missed: missed_names,
            earlier: 0,
        }
    }

    /// The score counting the mutants of earlier `--iterate` runs as caught (a few of them
    /// may have been unviable instead).
    fn score_with_earlier(&self) -> f64 {
        let mut total = self.total();
        total.caught += self.earlier;
        total.score()
    }

    fn total(&self) -> Tally {
        let mut total = Tally::default();
        for tally in self.files.values() {
            total.add(tally);
        }
        total
    }

    fn table(&self) -> String {
        let width = self.files.keys().map(String::len).max().unwrap_or(0).max(5);
        let mut out = format!(
            "{:<width$}  {:>6}  {:>6}  {:>7}  {:>8}  {:>7}\n",
            "file", "caught", "missed", "timeout", "unviable", "score"
        );
        let row = |name: &str, t: &Tally| {
            format!(
                "{name:<width$}  {:>6}  {:>6}  {:>7}  {:>8}  {:>6.1}%\n",
                t.caught,
                t.missed,
                t.timeout,
                t.unviable,
                t.score()
            )
        };
        for (file, tally) in &self.files {
            out.push_str(&row(file, tally));
        }
        out.push_str(&row("total", &self.total()));
        out
    }

    fn print(&self) {
        if !self.missed.is_empty() {
            println!("\nnot caught (missed or timed out):");
            for name in &self.missed {
                println!("  {name}");
            }
        }
        println!("\nmutation score per file (caught / (caught + missed + timeouts)):");
        print!("{}", self.table());
        if self.earlier > 0 {
            println!(
                "plus {} mutants caught or unviable in earlier runs, not tested again \
                 (--iterate): {:.1} % counting them as caught",
                self.earlier,
                self.score_with_earlier()
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_are_counted_per_file_and_in_total() {
        let scores = Scores::from_lists(
            "src/url.rs:10:5: replace a with b in f\nsrc/url.rs:11:5: replace == with != in f\n\
             src/present.rs:3:1: replace g -> String with String::new()\n",
            "src/url.rs:12:9: delete ! in f\n",
            "src/present.rs:9:9: replace += with -= in h\n",
            "src/url.rs:20:1: replace f -> Vec<u8> with vec![]\nnot a mutant line\n",
        );
        assert_eq!(
            scores.files["src/url.rs"],
            Tally {
                caught: 2,
                missed: 1,
                timeout: 0,
                unviable: 1
            }
        );
        let total = scores.total();
        assert_eq!((total.caught, total.missed, total.timeout), (3, 1, 1));
        assert!((total.score() - 60.0).abs() < 1e-9);
        assert_eq!(scores.missed.len(), 2);
        let table = scores.table();
        assert!(table.contains("src/url.rs"), "{table}");
        assert!(table.lines().last().unwrap().ends_with("60.0%"), "{table}");
    }

    #[test]
    fn only_rust_files_of_the_pure_core_count_as_changes() {
        let diff = |path: &str| format!("--- a/{path}\n+++ b/{path}\n@@ -1 +1 @@\n-a\n+b\n");
        assert!(touches_pure_core(&diff("src/url.rs")));
        assert!(touches_pure_core(&diff("src/query/filter.rs")));
        assert!(!touches_pure_core(&diff("src/ui/app.rs")));
        assert!(!touches_pure_core(&diff("src/data/dataset.json")));
        assert!(!touches_pure_core(&diff("tests/query.rs")));
        assert!(!touches_pure_core(
            "--- a/src/url.rs\n+++ /dev/null\n@@ -1 +0,0 @@\n-a\n"
        ));
    }

    #[test]
    fn a_samples_interval_brackets_its_score_and_narrows_with_its_size() {
        let tally = |caught, missed| Tally {
            caught,
            missed,
            ..Tally::default()
        };
        // 77 of 81: the textbook Wilson interval, 88.0–98.1 %.
        let (lo, hi) = tally(77, 4).interval();
        assert!(
            (lo - 88.0).abs() < 0.1 && (hi - 98.1).abs() < 0.1,
            "{lo} {hi}"
        );
        let (wide_lo, wide_hi) = tally(19, 1).interval();
        let (narrow_lo, narrow_hi) = tally(950, 50).interval();
        assert!(wide_lo < narrow_lo && 95.0 < narrow_hi && narrow_hi < wide_hi);
        assert!(narrow_lo < 95.0);
        // All caught: the top of the interval is 100 %, its bottom below it.
        let (lo, hi) = tally(40, 0).interval();
        assert!(
            (hi - 100.0).abs() < 1e-9 && lo < 100.0 && lo > 90.0,
            "{lo} {hi}"
        );
        assert_eq!(Tally::default().interval(), (0.0, 100.0));
    }

    #[test]
    fn nothing_tested_is_a_full_score() {
        assert!((Tally::default().score() - 100.0).abs() < 1e-9);
    }
}
