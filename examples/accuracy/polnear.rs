//! PolNeAR's raw format: one `.txt` per article under `<data>/<split>/text`, and
//! its attribution relations in brat standoff files under
//! `<data>/<split>/attributions`, named `<article>_<annotator>.ann`.
//!
//! brat counts offsets in Unicode scalar values; everything here is turned into
//! byte offsets of the UTF-8 text at once, as the analysis counts them.

use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;

/// One attribution relation: who (source, absent for "no source"), the cue, and
/// what is attributed. Content and source may be cut in pieces (`a b;c d`).
#[derive(Debug, Clone, Default)]
pub struct Relation {
    pub source: Vec<Range<usize>>,
    pub cue: Vec<Range<usize>>,
    pub content: Vec<Range<usize>>,
}

#[derive(Debug)]
pub struct Article {
    /// The file name without `.txt`.
    pub id: String,
    pub text: String,
    pub relations: Vec<Relation>,
}

/// Reads every article of a split. An article annotated by several people takes
/// the first annotation file in name order, so the gold is one reading, always
/// the same one.
pub fn read_split(data: &Path, split: &str) -> Result<Vec<Article>, String> {
    let text_dir = data.join(split).join("text");
    let ann_dir = data.join(split).join("attributions");
    let mut annotations: HashMap<String, std::path::PathBuf> = HashMap::new();
    let mut ann_names = list(&ann_dir, "ann")?;
    ann_names.sort();
    for path in ann_names {
        let stem = path.file_stem().unwrap_or_default().to_string_lossy();
        // `<article>_<annotator>`: the annotator is the last `_` part.
        let Some((article, _annotator)) = stem.rsplit_once('_') else {
            continue;
        };
        annotations.entry(article.to_string()).or_insert(path);
    }
    let mut texts = list(&text_dir, "txt")?;
    texts.sort();
    let mut articles = Vec::new();
    for path in texts {
        let id = path
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let Some(ann) = annotations.get(&id) else {
            continue;
        };
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let ann_text =
            std::fs::read_to_string(ann).map_err(|e| format!("{}: {e}", ann.display()))?;
        let relations = parse_ann(&ann_text, &text);
        articles.push(Article {
            id,
            text,
            relations,
        });
    }
    if articles.is_empty() {
        return Err(format!(
            "no annotated articles under {} (expected text/*.txt and attributions/*.ann)",
            data.join(split).display()
        ));
    }
    Ok(articles)
}

fn list(dir: &Path, extension: &str) -> Result<Vec<std::path::PathBuf>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    Ok(entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == extension))
        .collect())
}

/// The relations of one `.ann` file. Lines that are not a text-bound span (`T`)
/// or an event (`E`) are notes and are skipped, as are spans that fall outside
/// the text.
pub fn parse_ann(ann: &str, text: &str) -> Vec<Relation> {
    let bytes_at = char_to_byte(text);
    let mut spans: HashMap<&str, Vec<Range<usize>>> = HashMap::new();
    for line in ann.lines() {
        let mut fields = line.split('\t');
        let (Some(id), Some(what)) = (fields.next(), fields.next()) else {
            continue;
        };
        if !id.starts_with('T') {
            continue;
        }
        // "Content 2103 2168;2170 2425"
        let Some((_label, offsets)) = what.split_once(' ') else {
            continue;
        };
        let pieces: Option<Vec<Range<usize>>> = offsets
            .split(';')
            .map(|piece| {
                let (a, b) = piece.trim().split_once(' ')?;
                let (a, b): (usize, usize) = (a.parse().ok()?, b.parse().ok()?);
                Some(*bytes_at.get(a)?..*bytes_at.get(b)?)
            })
            .collect();
        if let Some(pieces) = pieces {
            spans.insert(id, pieces);
        }
    }
    let mut relations = Vec::new();
    for line in ann.lines() {
        let mut fields = line.split('\t');
        let (Some(id), Some(args)) = (fields.next(), fields.next()) else {
            continue;
        };
        if !id.starts_with('E') {
            continue;
        }
        let mut relation = Relation::default();
        for arg in args.split_whitespace() {
            let Some((role, target)) = arg.split_once(':') else {
                continue;
            };
            let found = spans.get(target).cloned().unwrap_or_default();
            match role {
                "Source" => relation.source = found,
                "Cue" => relation.cue = found,
                "Content" => relation.content = found,
                _ => {}
            }
        }
        if !relation.content.is_empty() {
            relations.push(relation);
        }
    }
    relations.sort_by_key(|r| r.content[0].start);
    relations
}

/// For each scalar-value offset (and one past the end), its byte offset.
pub fn char_to_byte(text: &str) -> Vec<usize> {
    let mut at: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    at.push(text.len());
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_are_read_as_byte_offsets_and_pieces_are_kept() {
        // “ and ” are three bytes each, so scalar offsets and byte offsets part.
        let text = "“We won,” said Ana Ruiz. “Again.”";
        let ann = "T1\tContent 1 7\tWe won\n\
                   T2\tCue 10 14\tsaid\n\
                   T3\tSource 15 23\tAna Ruiz\n\
                   T4\tAttribution 10 14\tsaid\n\
                   E1\tAttribution:T4 Content:T1 Cue:T2 Source:T3\n\
                   T5\tContent 1 7;26 31\tWe won Again\n\
                   E2\tAttribution-no-source:T4 Content:T5 Cue:T2\n\
                   #1\tAnnotatorNotes T1\ta note\n";
        let relations = parse_ann(ann, text);
        assert_eq!(relations.len(), 2);
        assert_eq!(&text[relations[0].content[0].clone()], "We won");
        assert_eq!(&text[relations[0].source[0].clone()], "Ana Ruiz");
        assert_eq!(&text[relations[0].cue[0].clone()], "said");
        assert!(relations[1].source.is_empty());
        assert_eq!(&text[relations[1].content[1].clone()], "Again");
    }

    #[test]
    fn a_span_past_the_end_is_dropped_not_a_panic() {
        let relations = parse_ann(
            "T1\tContent 0 99\tx\nE1\tAttribution:T1 Content:T1\n",
            "short",
        );
        assert!(relations.is_empty());
    }
}
