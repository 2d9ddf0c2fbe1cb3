//! The German news quotation attribution corpus (German Wikinews): one JSON
//! file per article under `<data>/<split>/`, with the article's `originalText`
//! and its `annotations`, each with `quote`, `cue` and `speaker` spans whose
//! `charBegin`/`charEnd` count Unicode scalar values. Read into the same
//! [`Article`] as PolNeAR, so every measure is computed the same way.

use std::ops::Range;
use std::path::Path;

use serde::Deserialize;

use crate::polnear::{Article, Relation, char_to_byte};

#[derive(Deserialize)]
struct RawArticle {
    #[serde(rename = "originalText")]
    original_text: String,
    #[serde(default)]
    annotations: Vec<RawAnnotation>,
}

#[derive(Deserialize)]
struct RawAnnotation {
    quote: Option<RawSpans>,
    cue: Option<RawSpans>,
    speaker: Option<RawSpans>,
}

#[derive(Deserialize, Default)]
struct RawSpans {
    #[serde(default)]
    spans: Vec<RawSpan>,
}

#[derive(Deserialize)]
struct RawSpan {
    #[serde(rename = "charBegin")]
    begin: usize,
    #[serde(rename = "charEnd")]
    end: usize,
}

/// Every article of a split, in file name order.
pub fn read_split(data: &Path, split: &str) -> Result<Vec<Article>, String> {
    let dir = data.join(split);
    let entries = std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut paths: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    let mut articles = Vec::new();
    for path in paths {
        let json =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let raw: RawArticle =
            serde_json::from_str(&json).map_err(|e| format!("{}: {e}", path.display()))?;
        // The id is the article's number, the file name's first word.
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let id = name.split(' ').next().unwrap_or(&name).to_string();
        articles.push(article(id, raw));
    }
    if articles.is_empty() {
        return Err(format!("no articles (*.json) under {}", dir.display()));
    }
    Ok(articles)
}

fn article(id: String, raw: RawArticle) -> Article {
    let text = raw.original_text;
    let bytes_at = char_to_byte(&text);
    let spans = |s: &Option<RawSpans>| -> Vec<Range<usize>> {
        s.iter()
            .flat_map(|s| &s.spans)
            .filter_map(|r| Some(*bytes_at.get(r.begin)?..*bytes_at.get(r.end)?))
            .filter(|r| r.start < r.end)
            .collect()
    };
    let mut relations: Vec<Relation> = raw
        .annotations
        .iter()
        .map(|a| Relation {
            source: spans(&a.speaker),
            cue: spans(&a.cue),
            content: spans(&a.quote),
        })
        .filter(|r| !r.content.is_empty())
        .collect();
    relations.sort_by_key(|r| r.content[0].start);
    Article {
        id,
        text,
        relations,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalar_offsets_become_byte_offsets() {
        let json = r#"{"originalText": "„Wir gewinnen“, sagte Anna Roth.", "annotations": [
            {"quote": {"spans": [{"charBegin": 1, "charEnd": 13}]},
             "cue": {"spans": [{"charBegin": 16, "charEnd": 21}]},
             "speaker": {"spans": [{"charBegin": 22, "charEnd": 31}]}}]}"#;
        let a = article("1".into(), serde_json::from_str(json).unwrap());
        let r = &a.relations[0];
        assert_eq!(&a.text[r.content[0].clone()], "Wir gewinnen");
        assert_eq!(&a.text[r.cue[0].clone()], "sagte");
        assert_eq!(&a.text[r.source[0].clone()], "Anna Roth");
    }
}
