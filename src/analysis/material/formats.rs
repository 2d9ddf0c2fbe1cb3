//! Reading a source: which of its text is speech, in turns, and who speaks each.
//!
//! - **Plain text and Markdown** (typed notes, a release, a filing): a line that
//!   opens with a speaker label (`HALE:`, `Jane Hale:`, `Q:`/`A:`, optionally
//!   after a `[00:01:23]` timestamp) starts a turn that runs to the next label;
//!   text with no label is one turn per paragraph, with nobody named.
//! - **WebVTT** (`.vtt`) and **SubRip** (`.srt`): each cue is a turn, stamped
//!   with its start time; the speaker is the `<v Speaker>` voice tag, else a
//!   label opening the cue's text (as Zoom writes it). Cue numbers, timings,
//!   `NOTE`/`STYLE` blocks and tags are not speech.
//!
//! What is not speech is blanked in a same-length copy, so a word's offset is
//! its offset in the file.

use std::collections::HashMap;
use std::ops::Range;

/// A stretch of a source spoken (or written) by one voice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Turn {
    pub span: Range<usize>,
    /// As the source labels it: "Jane Hale", "HALE", "Q".
    pub speaker: Option<String>,
    /// The cue's start (`00:01:23`), or a typed note's timestamp.
    pub timestamp: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceFormat {
    Text,
    WebVtt,
    SubRip,
}

impl SourceFormat {
    /// By the file name's extension; anything but `.vtt` and `.srt` is text.
    pub fn from_name(name: &str) -> SourceFormat {
        let lower = name.to_ascii_lowercase();
        if lower.ends_with(".vtt") {
            SourceFormat::WebVtt
        } else if lower.ends_with(".srt") {
            SourceFormat::SubRip
        } else {
            SourceFormat::Text
        }
    }
}

/// The speech of `text`: a copy with everything else blanked, and its turns.
pub fn read(text: &str, format: SourceFormat) -> (String, Vec<Turn>) {
    let mut mask = Mask(text.as_bytes().to_vec());
    let turns = match format {
        SourceFormat::Text => text_turns(text, &mut mask),
        SourceFormat::WebVtt | SourceFormat::SubRip => cue_turns(text, &mut mask),
    };
    // Only ASCII spaces replace whole characters, so the copy stays UTF-8.
    let masked = String::from_utf8(mask.0).unwrap_or_else(|_| " ".repeat(text.len()));
    (masked, turns)
}

struct Mask(Vec<u8>);

impl Mask {
    fn blank(&mut self, range: Range<usize>) {
        for b in &mut self.0[range] {
            if *b != b'\n' && *b != b'\r' {
                *b = b' ';
            }
        }
    }
}

/// Each line with its start offset, without its line break.
fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut at = 0;
    text.split_inclusive('\n').map(move |l| {
        let start = at;
        at += l.len();
        (start, l.trim_end_matches(['\n', '\r']))
    })
}

fn text_turns(text: &str, mask: &mut Mask) -> Vec<Turn> {
    // A label is a speaker's when it recurs (an interview goes back and forth),
    // or the notes are an interview's; a one-off "FOR IMMEDIATE RELEASE:" is
    // not a voice, but still ends the turn before it.
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (_, line) in lines(text) {
        let (_, rest) = timestamp_prefix(line);
        if let Some((label, _)) = label(rest) {
            *seen.entry(label).or_default() += 1;
        }
    }
    // In an interview (Q and A) every label is a voice.
    let interview = seen.contains_key("Q") || seen.contains_key("A");
    let is_voice = |l: &str| interview || seen.get(l).is_some_and(|&n| n >= 2);
    let mut turns: Vec<Turn> = Vec::new();
    let mut open: Option<Turn> = None;
    for (start, line) in lines(text) {
        if line.trim().is_empty() {
            // A paragraph break ends a turn nobody is named for; a labelled
            // answer may run over several paragraphs.
            if open.as_ref().is_some_and(|t| t.speaker.is_none()) {
                turns.extend(open.take());
            }
            continue;
        }
        let (stamp, rest) = timestamp_prefix(line);
        let rest_at = start + (line.len() - rest.len());
        let timestamp = stamp.map(clock);
        if stamp.is_some() {
            mask.blank(start..rest_at);
        }
        let end = start + line.len();
        match label(rest) {
            Some((speaker, len)) if is_voice(&speaker) => {
                turns.extend(open.take());
                mask.blank(start..rest_at + len);
                open = Some(Turn {
                    span: rest_at + len..end,
                    speaker: Some(speaker),
                    timestamp,
                });
            }
            Some(_) => {
                turns.extend(open.take());
                open = Some(Turn {
                    span: rest_at..end,
                    speaker: None,
                    timestamp,
                });
            }
            None => match &mut open {
                Some(t) => t.span.end = end,
                None => {
                    open = Some(Turn {
                        span: rest_at..end,
                        speaker: None,
                        timestamp,
                    })
                }
            },
        }
    }
    turns.extend(open);
    turns
}

fn cue_turns(text: &str, mask: &mut Mask) -> Vec<Turn> {
    let mut turns = Vec::new();
    let all: Vec<(usize, &str)> = lines(text).collect();
    for block in all.split(|(_, l)| l.trim().is_empty()) {
        let Some(timing) = block.iter().position(|(_, l)| l.contains("-->")) else {
            // The header, NOTE, STYLE and REGION blocks, or stray lines.
            for (start, line) in block {
                mask.blank(*start..start + line.len());
            }
            continue;
        };
        for (start, line) in &block[..=timing] {
            mask.blank(*start..start + line.len());
        }
        let body = &block[timing + 1..];
        let (Some(first), Some(last)) = (body.first(), body.last()) else {
            continue;
        };
        let mut speaker = None;
        for (start, line) in body {
            for (tag, voice) in tags(line) {
                mask.blank(start + tag.start..start + tag.end);
                speaker = speaker.or(voice);
            }
        }
        let first_text = &text[first.0..first.0 + first.1.len()];
        if speaker.is_none() {
            let trimmed = first_text.trim_start_matches(['-', '>', ' ']);
            if let Some((l, len)) = label(trimmed) {
                let at = first.0 + (first_text.len() - trimmed.len());
                mask.blank(first.0..at + len);
                speaker = Some(l);
            }
        }
        let start_time = block[timing].1.split("-->").next().unwrap_or("").trim();
        turns.push(Turn {
            span: first.0..last.0 + last.1.len(),
            speaker,
            timestamp: Some(clock(start_time)),
        });
    }
    turns
}

/// The tags of a cue's line (`<i>`, `<c.x>`, `<00:01.000>`), each with the
/// speaker a voice tag (`<v Jane Hale>`, `<v.loud Hale>`) names.
fn tags(line: &str) -> Vec<(Range<usize>, Option<String>)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(open) = line[from..].find('<').map(|i| from + i) {
        let Some(close) = line[open..].find('>').map(|i| open + i + 1) else {
            break;
        };
        let inner = &line[open + 1..close - 1];
        let voice = inner
            .strip_prefix('v')
            .filter(|r| r.starts_with([' ', '.']))
            .and_then(|r| r.split_once(' ').map(|(_, name)| name.trim().to_string()))
            .filter(|name| !name.is_empty());
        out.push((open..close, voice));
        from = close;
    }
    out
}

/// A speaker label opening a line: `HALE:`, `Jane Hale:`, `**Q:**`, with the
/// label and how many bytes it takes, colon and markup included.
fn label(line: &str) -> Option<(String, usize)> {
    let colon = line.find(':')?;
    if colon > 40 {
        return None;
    }
    let after = &line[colon + 1..];
    let after = after.trim_start_matches('*');
    if !(after.is_empty() || after.starts_with([' ', '\t'])) {
        return None;
    }
    let name = line[..colon].trim_matches(|c: char| c == '*' || c == '_' || c.is_whitespace());
    let words: Vec<&str> = name.split_whitespace().collect();
    let named = !words.is_empty()
        && words.len() <= 4
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || ".'’-".contains(c))
        });
    if !named {
        return None;
    }
    let len = line.len() - after.len();
    Some((words.join(" "), len))
}

/// A timestamp opening a line of typed notes: `[00:01:23]`, `(1:23)`, `00:01:23 `.
fn timestamp_prefix(line: &str) -> (Option<&str>, &str) {
    let trimmed = line.trim_start();
    let (inner, rest) = match trimmed.chars().next() {
        Some(open @ ('[' | '(')) => {
            let close = if open == '[' { ']' } else { ')' };
            match trimmed.find(close) {
                Some(i) => (&trimmed[1..i], &trimmed[i + 1..]),
                None => return (None, line),
            }
        }
        _ => match trimmed.split_once(' ') {
            Some((t, rest)) => (t, rest),
            None => return (None, line),
        },
    };
    let is_clock = inner.contains(':')
        && inner.chars().next().is_some_and(|c| c.is_ascii_digit())
        && inner
            .chars()
            .all(|c| c.is_ascii_digit() || ":.,".contains(c));
    if is_clock {
        (Some(inner), rest.trim_start())
    } else {
        (None, line)
    }
}

/// A cue time as a reader looks it up: `00:01:23` (hours always, no fractions).
fn clock(time: &str) -> String {
    let whole = time.split(['.', ',']).next().unwrap_or(time).trim();
    let parts: Vec<&str> = whole.split(':').collect();
    let pad = |s: &str| format!("{:0>2}", s);
    match parts.as_slice() {
        [m, s] => format!("00:{}:{}", pad(m), pad(s)),
        [h, m, s] => format!("{}:{}:{}", pad(h), pad(m), pad(s)),
        _ => whole.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn speech(text: &str, format: SourceFormat) -> Vec<(Option<String>, Option<String>, String)> {
        let (masked, turns) = read(text, format);
        turns
            .iter()
            .map(|t| {
                let said = masked[t.span.clone()]
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ");
                (t.speaker.clone(), t.timestamp.clone(), said)
            })
            .collect()
    }

    #[test]
    fn webvtt_cues_with_voice_tags_and_timings() {
        let vtt = "WEBVTT\n\nNOTE recorded at city hall\n\n1\n00:01:02.500 --> 00:01:05.000\n<v Jane Hale>We will <i>finish</i> the bridge.</v>\n\n00:01:05.000 --> 00:01:07.000 align:start\n<v.loud Tom Ruiz>Not this year.\n";
        assert_eq!(
            speech(vtt, SourceFormat::WebVtt),
            [
                (
                    Some("Jane Hale".into()),
                    Some("00:01:02".into()),
                    "We will finish the bridge.".into()
                ),
                (
                    Some("Tom Ruiz".into()),
                    Some("00:01:05".into()),
                    "Not this year.".into()
                ),
            ]
        );
    }

    #[test]
    fn subrip_cues_with_a_label_in_the_text() {
        let srt = "1\r\n00:00:01,000 --> 00:00:04,000\r\nHALE: The vote is Tuesday,\r\nand we have it.\r\n\r\n2\r\n00:00:04,000 --> 00:00:06,000\r\nWho counted?\r\n";
        assert_eq!(
            speech(srt, SourceFormat::SubRip),
            [
                (
                    Some("HALE".into()),
                    Some("00:00:01".into()),
                    "The vote is Tuesday, and we have it.".into()
                ),
                (None, Some("00:00:04".into()), "Who counted?".into()),
            ]
        );
    }

    #[test]
    fn typed_notes_with_recurring_labels_and_a_one_off_heading() {
        let notes = "CONTACT: press office\n\nROSS: Will it pass?\nHALE: Yes.\n\nIt will pass by May.\n[00:03:10] ROSS: Why?\n**HALE:** Because the money is there.\n";
        assert_eq!(
            speech(notes, SourceFormat::Text),
            [
                (None, None, "CONTACT: press office".into()),
                (Some("ROSS".into()), None, "Will it pass?".into()),
                (
                    Some("HALE".into()),
                    None,
                    "Yes. It will pass by May.".into()
                ),
                (Some("ROSS".into()), Some("00:03:10".into()), "Why?".into()),
                (
                    Some("HALE".into()),
                    None,
                    "Because the money is there.".into()
                ),
            ]
        );
    }

    #[test]
    fn in_an_interview_a_label_said_once_is_a_voice() {
        let notes = "Q: Will it pass?\nPIKE: Not this year.\nQ: Why not?\nMORALES: Ask him.\n";
        let voices: Vec<_> = speech(notes, SourceFormat::Text)
            .into_iter()
            .map(|t| t.0)
            .collect();
        assert_eq!(
            voices,
            [
                Some("Q".into()),
                Some("PIKE".into()),
                Some("Q".into()),
                Some("MORALES".into())
            ]
        );
        // Outside an interview a one-off label is text, but it is nobody's
        // turn carried on from the label before.
        let notes = "HALE: Yes.\nHALE: No.\nNOTE: the mic cut out here.\n";
        let turns = speech(notes, SourceFormat::Text);
        assert_eq!(turns[2], (None, None, "NOTE: the mic cut out here.".into()));
    }

    #[test]
    fn a_release_is_one_turn_per_paragraph() {
        let release = "The council approved the plan.\nIt costs $40 million.\n\n“This is a good day,” said Mayor Hale.\n";
        let turns = speech(release, SourceFormat::Text);
        assert_eq!(turns.len(), 2);
        assert!(turns.iter().all(|t| t.0.is_none()));
    }
}
