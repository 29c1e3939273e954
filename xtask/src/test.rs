//! `cargo xtask test`: every check and suite, in order, then one summary line
//! `N passed, N failed`. Later suites still run after a failure so one run shows all
//! that is wrong; the exit code is non-zero if anything failed.

use std::path::Path;

use crate::process::run_capture;
use crate::{mutants, setup};

struct Outcome {
    name: &'static str,
    passed: usize,
    failed: usize,
}

pub fn run(root: &Path) -> Result<(), String> {
    setup::ensure(root)?;
    setup::ensure_cargo_mutants(root)?;
    let mut outcomes = Vec::new();
    check(
        root,
        &mut outcomes,
        "format",
        "cargo",
        &["fmt", "--all", "--", "--check"],
        &[],
        none,
    );
    check(
        root,
        &mut outcomes,
        "clippy (native)",
        "cargo",
        &[
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ],
        &[],
        none,
    );
    check(
        root,
        &mut outcomes,
        "clippy (wasm32)",
        "cargo",
        &[
            "clippy",
            "-p",
            "korea2010",
            "--all-targets",
            "--target",
            "wasm32-unknown-unknown",
            "--",
            "-D",
            "warnings",
        ],
        &[],
        none,
    );
    check(
        root,
        &mut outcomes,
        "native tests",
        "cargo",
        &["test", "--workspace"],
        &[],
        cargo_counts,
    );
    node_suite(
        root,
        &mut outcomes,
        "post-build step (node --test scripts/postbuild/)",
        "scripts/postbuild/",
        POST_BUILD_REPORT,
    );
    println!("\n=== quick mutation pass: cargo mutants --in-diff, changes since HEAD~1");
    let (passed, failed) = mutants::quick(root);
    outcomes.push(Outcome {
        name: "quick mutation pass (pure-core lines changed since the previous commit)",
        passed,
        failed,
    });
    check(
        root,
        &mut outcomes,
        "browser unit tests (wasm-bindgen-test, Chromium)",
        "cargo",
        &[
            "test",
            "-p",
            "korea2010",
            "--target",
            "wasm32-unknown-unknown",
            "--test",
            "web",
        ],
        &[
            ("CHROMEDRIVER", "/usr/bin/chromedriver"),
            ("WASM_BINDGEN_TEST_TIMEOUT", "120"),
        ],
        cargo_counts,
    );
    let built = check(
        root,
        &mut outcomes,
        "release build (trunk)",
        "trunk",
        &["build", "--release", "--offline"],
        &[],
        none,
    );
    if built {
        node_suite(
            root,
            &mut outcomes,
            "end-to-end (Playwright, Chromium)",
            "tests/e2e/",
            E2E_REPORT,
        );
        node_suite(
            root,
            &mut outcomes,
            "end-to-end smoke (Firefox ESR)",
            "tests/firefox/",
            FIREFOX_REPORT,
        );
    } else {
        outcomes.push(Outcome {
            name: "end-to-end (not run: no release build)",
            passed: 0,
            failed: 1,
        });
    }

    println!("\n=== summary");
    for outcome in &outcomes {
        println!(
            "{:>5} passed, {:>3} failed  {}",
            outcome.passed, outcome.failed, outcome.name
        );
    }
    let passed: usize = outcomes.iter().map(|o| o.passed).sum();
    let failed: usize = outcomes.iter().map(|o| o.failed).sum();
    println!("{passed} passed, {failed} failed");
    if failed == 0 {
        Ok(())
    } else {
        Err(format!("{failed} failed"))
    }
}

/// Runs one step, echoing its output, and records its counts; whether it succeeded.
fn check(
    root: &Path,
    outcomes: &mut Vec<Outcome>,
    name: &'static str,
    program: &str,
    args: &[&str],
    envs: &[(&str, &str)],
    counts: impl Fn(&str) -> Option<(usize, usize)>,
) -> bool {
    println!("\n=== {name}: {program} {}", args.join(" "));
    let (ok, output) = run_capture(root, program, args, envs);
    let (passed, failed) = counts(&output).unwrap_or((0, 0));
    // A step that fails without reporting a failed test (a compile error, a crash)
    // still counts as one failure.
    let failed = if ok { failed } else { failed.max(1) };
    let passed = if passed + failed == 0 { 1 } else { passed };
    outcomes.push(Outcome {
        name,
        passed,
        failed,
    });
    ok
}

/// A `node --test` suite, one file at a time, counted from its TAP report (`report`) while
/// its spec output is echoed.
fn node_suite(
    root: &Path,
    outcomes: &mut Vec<Outcome>,
    name: &'static str,
    dir: &str,
    report: &'static str,
) {
    let report_arg = node_report_arg(root, report);
    let args = [
        "--test",
        "--test-concurrency=1",
        "--test-reporter=spec",
        "--test-reporter-destination=stdout",
        "--test-reporter=tap",
        &report_arg,
        dir,
    ];
    check(root, outcomes, name, "node", &args, &[], |_| {
        tap_counts_from_file(report)
    });
}

fn none(_: &str) -> Option<(usize, usize)> {
    None
}

/// Sums libtest's `test result: ok. 12 passed; 0 failed; …` lines.
fn cargo_counts(output: &str) -> Option<(usize, usize)> {
    let mut totals = None;
    for line in output
        .lines()
        .filter(|l| l.trim_start().starts_with("test result:"))
    {
        let number_before = |word: &str| -> usize {
            line.split(';')
                .find_map(|part| {
                    part.trim()
                        .strip_suffix(word)
                        .and_then(|n| n.split_whitespace().last()?.parse().ok())
                })
                .unwrap_or(0)
        };
        let (p, f) = totals.unwrap_or((0, 0));
        totals = Some((p + number_before(" passed"), f + number_before(" failed")));
    }
    totals
}

/// Where Node's test runner writes the TAP reports the counts are read from.
const E2E_REPORT: &str = "target/e2e-report.tap";
const FIREFOX_REPORT: &str = "target/firefox-report.tap";
const POST_BUILD_REPORT: &str = "target/postbuild-report.tap";

/// `--test-reporter-destination=` for a report; an old report is removed first, so a run
/// that writes none is not counted with the last run's numbers.
fn node_report_arg(root: &Path, report: &str) -> String {
    let path = root.join(report);
    let _ = std::fs::remove_file(&path);
    format!("--test-reporter-destination={}", path.display())
}

/// The counts of the TAP report Node's test runner wrote to `report` (under the root).
fn tap_counts_from_file(report: &str) -> Option<(usize, usize)> {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()?
        .to_path_buf();
    tap_counts(&std::fs::read_to_string(root.join(report)).ok()?)
}

/// Reads the last `# pass N` / `# fail N` of a TAP report.
fn tap_counts(text: &str) -> Option<(usize, usize)> {
    let count = |prefix: &str| {
        text.lines().rev().find_map(|l| {
            l.strip_prefix(prefix)
                .and_then(|n| n.trim().parse::<usize>().ok())
        })
    };
    Some((count("# pass ")?, count("# fail ").unwrap_or(0)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_libtest_result_lines() {
        let output = "test result: ok. 12 passed; 0 failed; 1 ignored\n\
                      noise\n\
                      test result: FAILED. 3 passed; 2 failed; 0 ignored";
        assert_eq!(cargo_counts(output), Some((15, 2)));
        assert_eq!(cargo_counts("no tests here"), None);
    }

    #[test]
    fn reads_the_totals_of_a_tap_report() {
        let report = "ok 1 - a\n# Subtest: b\n    # pass 9\nnot ok 2 - b\n1..2\n# tests 2\n# pass 1\n# fail 1\n";
        assert_eq!(tap_counts(report), Some((1, 1)));
        assert_eq!(tap_counts("# tests 0\n# pass 0\n"), Some((0, 0)));
        assert_eq!(tap_counts("crashed"), None);
    }
}
