//! One fixture folder per rule (`tests/fixtures/<rule>/`): a small draft and a
//! snapshot of the rule's findings on it, fixes applied, reviewed as YAML
//! (`cargo insta review`). Adding a rule means adding its folder.

use std::path::Path;

use copydesk::analysis::{Options, analyze, rules};
use copydesk::material;
use copydesk::text::{Format, LineIndex};
use serde::Serialize;

#[derive(Serialize)]
struct Shown {
    at: String,
    severity: &'static str,
    message: String,
    /// The text the finding points at.
    text: String,
    related: Vec<String>,
    fixes: Vec<ShownFix>,
}

#[derive(Serialize)]
struct ShownFix {
    title: String,
    preferred: bool,
    /// The lines the fix changes, after the fix.
    becomes: String,
}

/// The lines a fix changes, as they read after it.
fn fixed_lines(text: &str, edits: &[copydesk::analysis::Edit]) -> String {
    let mut out = text.to_string();
    let mut edits = edits.to_vec();
    edits.sort_by_key(|e| std::cmp::Reverse(e.span.start));
    let (Some(last), Some(first)) = (edits.first().cloned(), edits.last().cloned()) else {
        return String::new();
    };
    let grown: isize = edits
        .iter()
        .map(|e| e.new_text.len() as isize - e.span.len() as isize)
        .sum();
    for e in &edits {
        out.replace_range(e.span.clone(), &e.new_text);
    }
    let from = out[..first.span.start].rfind('\n').map_or(0, |i| i + 1);
    let end = (last.span.end as isize + grown) as usize;
    let to = out[end..].find('\n').map_or(out.len(), |i| end + i);
    out[from..to].to_string()
}

fn draft_of(folder: &Path) -> (String, Format) {
    for (name, format) in [
        ("draft.md", Format::Markdown),
        ("draft.txt", Format::PlainText),
    ] {
        if let Ok(text) = std::fs::read_to_string(folder.join(name)) {
            return (text, format);
        }
    }
    panic!("{} holds no draft.md or draft.txt", folder.display());
}

/// A place in a source, named from the fixture's folder so the snapshot does
/// not hold the machine's paths.
fn source_place(folder: &Path, p: &copydesk::analysis::SourcePlace) -> String {
    let file = Path::new(&p.file);
    let file = file.strip_prefix(folder).unwrap_or(file).display();
    match &p.timestamp {
        Some(t) => format!("{file}:{}:{} at {t}", p.line, p.column),
        None => format!("{file}:{}:{}", p.line, p.column),
    }
}

#[test]
fn every_rule_reports_its_fixture_as_reviewed() {
    for rule in rules::ALL {
        // Relative, as a reporter names files, so messages hold no machine paths.
        let folder = Path::new("tests/fixtures").join(rule.code);
        let (text, format) = draft_of(&folder);
        let mut options = Options::new(format);
        // The sources a draft's front matter names, read as the command line reads them.
        let draft_path = folder.join(if format == Format::Markdown {
            "draft.md"
        } else {
            "draft.txt"
        });
        let declared =
            material::declared(Some(&draft_path), &text, format, &Default::default(), &[]);
        options.material = material::Library::default().material(&declared);
        let analysis = analyze(&text, &options);
        let lines = LineIndex::new(&text);
        let place = |at: usize| {
            let (line, column) = lines.line_col(&text, at);
            format!("{line}:{column}")
        };
        let shown: Vec<Shown> = analysis
            .findings
            .iter()
            .filter(|f| f.rule == rule.code)
            .map(|f| Shown {
                at: place(f.span.start),
                severity: f.severity.as_str(),
                message: f.message.clone(),
                text: text[f.span.clone()].to_string(),
                related: f
                    .related
                    .iter()
                    .map(|r| match &r.place {
                        Some(p) => format!("{} ({})", r.message, source_place(&folder, p)),
                        None => format!("{} ({})", r.message, place(r.span.start)),
                    })
                    .collect(),
                fixes: f
                    .fixes
                    .iter()
                    .map(|x| ShownFix {
                        title: x.title.clone(),
                        preferred: x.preferred,
                        becomes: fixed_lines(&text, &x.edits),
                    })
                    .collect(),
            })
            .collect();
        assert!(
            !shown.is_empty(),
            "{}: the fixture finds nothing",
            rule.code
        );
        insta::with_settings!({
            snapshot_path => Path::new(env!("CARGO_MANIFEST_DIR")).join(&folder),
            prepend_module_to_snapshot => false,
            omit_expression => true,
        }, {
            insta::assert_yaml_snapshot!(rule.code, shown);
        });
    }
}
