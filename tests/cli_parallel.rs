//! `copydesk check` on several threads: the same output as on one, in the same
//! order, with the same exit codes; `--jobs` and `--stats` through the real binary.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

#[path = "common/scratch.rs"]
mod scratch;
use scratch::Scratch;

/// Runs `copydesk ARGS` in `cwd` with `stdin` as its input.
fn copydesk(cwd: &Path, args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(args)
        .current_dir(cwd)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn copydesk");
    child
        .stdin
        .take()
        .expect("stdin pipe")
        .write_all(stdin)
        .expect("write stdin");
    child.wait_with_output().expect("wait for copydesk")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Draft `i` of a desk: each one names its own person, and they take turns at
/// being clean, having an unattributed quotation, and spelling the name two ways,
/// so every draft's output is its own.
fn story(i: usize) -> String {
    let given = ["Dana", "Marcus", "Priya", "Tomas"][i % 4];
    let surname = format!("Whitfield{i}");
    let body = match i % 3 {
        0 => format!(
            "Councillor {given} {surname} spoke on Monday.\n\n“It was fair,” {surname} said.\n"
        ),
        1 => format!(
            "Councillor {given} {surname} spoke on Monday.\n\nThe vote was close. “We will not accept this result.” The count resumed.\n"
        ),
        _ => format!(
            "Councillor {given} {surname} spoke on Monday.\n\n“We are ready,” {surname} said. Later {surname}n told reporters it was “done.”\n"
        ),
    };
    "The council met again. ".repeat(i % 7) + &body
}

/// 150 drafts in three folders, Markdown and plain text, with one that is not
/// UTF-8 in the middle of the walk.
fn desk(scratch: &Scratch) {
    for i in 0..150 {
        let ext = if i % 2 == 0 { "md" } else { "txt" };
        scratch.write(&format!("desk/{}/story-{i:03}.{ext}", i / 50), story(i));
    }
    scratch.write("desk/1/story-075b.txt", b"Hello \xff world.\n");
}

#[test]
fn parallel_output_is_the_one_thread_output_in_every_format() {
    let scratch = Scratch::new("parallel-same-output");
    desk(&scratch);
    for format in ["human", "json", "sarif"] {
        let one = copydesk(
            scratch.path(),
            &["check", "desk", "--format", format, "-j", "1"],
            b"",
        );
        // A read error is exit 2, and the drafts after it are still checked.
        assert_eq!(
            one.status.code(),
            Some(2),
            "{format}: {}",
            text(&one.stderr)
        );
        assert_eq!(
            text(&one.stderr),
            "copydesk: error: desk/1/story-075b.txt: not valid UTF-8 (invalid byte at offset 6); save the file as UTF-8\n"
        );
        let stdout = text(&one.stdout);
        assert!(
            stdout.contains("desk/2/story-149.txt"),
            "{format}: {stdout}"
        );
        for jobs in ["2", "3", "8"] {
            let many = copydesk(
                scratch.path(),
                &["check", "desk", "--format", format, "--jobs", jobs],
                b"",
            );
            assert_eq!(many.status.code(), one.status.code(), "{format} -j {jobs}");
            assert_eq!(text(&many.stderr), text(&one.stderr), "{format} -j {jobs}");
            assert!(
                many.stdout == one.stdout,
                "{format} -j {jobs}: stdout differs from -j 1"
            );
        }
    }
}

#[test]
fn drafts_come_out_in_walk_order() {
    let scratch = Scratch::new("parallel-walk-order");
    desk(&scratch);
    let out = copydesk(scratch.path(), &["check", "desk", "--format", "json"], b"");
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    let paths: Vec<&str> = doc["files"]
        .as_array()
        .expect("files")
        .iter()
        .map(|f| f["path"].as_str().expect("path"))
        .collect();
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths.len(), 150);
    assert_eq!(paths, sorted);
    assert_eq!(doc["errors"].as_array().expect("errors").len(), 1);
    let human = text(&copydesk(scratch.path(), &["check", "desk"], b"").stdout);
    assert!(
        human
            .ends_with("150 files checked, 1 could not be read: 0 errors, 100 warnings, 0 notes\n"),
        "{human}"
    );
}

#[test]
fn a_finding_in_the_last_draft_still_fails_the_run() {
    let scratch = Scratch::new("parallel-last-fails");
    for i in (0..90).step_by(3) {
        scratch.write(&format!("desk/story-{i:03}.md"), story(i));
    }
    let clean = copydesk(scratch.path(), &["check", "desk", "-j", "4"], b"");
    assert_eq!(clean.status.code(), Some(0), "{}", text(&clean.stdout));
    scratch.write("desk/story-999.md", story(1));
    let fails = copydesk(scratch.path(), &["check", "desk", "-j", "4"], b"");
    assert_eq!(fails.status.code(), Some(1), "{}", text(&fails.stdout));
}

#[test]
fn stdin_among_files_is_read_the_same_on_any_number_of_threads() {
    let scratch = Scratch::new("parallel-stdin");
    desk(&scratch);
    let args = |jobs| {
        [
            "check", "desk/0", "-", "desk/2", "--format", "json", "-j", jobs,
        ]
    };
    let input = story(1);
    let one = copydesk(scratch.path(), &args("1"), input.as_bytes());
    let many = copydesk(scratch.path(), &args("4"), input.as_bytes());
    assert_eq!(one.status.code(), Some(1));
    assert!(text(&one.stdout).contains("\"path\": \"<stdin>\""));
    assert!(many.stdout == one.stdout, "stdout differs from -j 1");
}

#[test]
fn stats_go_to_stderr_with_the_file_count() {
    let scratch = Scratch::new("parallel-stats");
    for i in 0..5 {
        scratch.write(&format!("desk/story-{i}.md"), story(i));
    }
    for (jobs, threads) in [("1", "1 thread"), ("3", "3 threads")] {
        let out = copydesk(
            scratch.path(),
            &["check", "desk", "--format", "json", "--stats", "-j", jobs],
            b"",
        );
        let stdout = text(&out.stdout);
        serde_json::from_str::<serde_json::Value>(&stdout).expect("stdout is only the JSON");
        assert!(!stdout.contains("files/s"), "{stdout}");
        let stderr = text(&out.stderr);
        let line = stderr.lines().last().unwrap_or_default();
        assert!(line.starts_with("checked 5 files ("), "{stderr}");
        for part in [" MB) in ", " s: ", " files/s, ", " MB/s, "] {
            assert!(line.contains(part), "{part:?} missing from {line}");
        }
        assert!(line.ends_with(threads), "{line}");
    }
    let quiet = copydesk(scratch.path(), &["check", "desk"], b"");
    assert!(!text(&quiet.stderr).contains("files/s"));
}

#[test]
fn jobs_must_be_a_whole_number_of_one_or_more() {
    let scratch = Scratch::new("parallel-jobs-usage");
    scratch.write("story.md", story(0));
    for bad in [
        &["--jobs", "0"][..],
        &["-j", "0"],
        &["-j", "two"],
        &["--jobs=-3"],
        &["--jobs", ""],
    ] {
        let mut args = vec!["check", "story.md"];
        args.extend_from_slice(bad);
        let out = copydesk(scratch.path(), &args, b"");
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{bad:?}: {stderr}");
        assert!(out.stdout.is_empty(), "{bad:?}");
        assert!(
            stderr.contains("--jobs <N>") && stderr.contains("1 or more"),
            "{bad:?}: {stderr}"
        );
    }
}
