//! Generated wire-style drafts for the benchmarks.

/// The people a story can be about; a story has six of them, one after another.
const PEOPLE: [(&str, &str, &str); 12] = [
    ("Senator", "Maria", "Alvarez"),
    ("Governor", "Thomas", "Reed"),
    ("Economist", "Priya", "Natarajan"),
    ("Mayor", "Daniel", "Okafor"),
    ("Minister", "Ingrid", "Sørensen"),
    ("Coach", "Marcus", "Bell"),
    ("Councillor", "Aisha", "Rahman"),
    ("Judge", "Helen", "Whitaker"),
    ("Professor", "Samuel", "Osei"),
    ("Commissioner", "Lena", "Vogel"),
    ("Director", "Rafael", "Moreno"),
    ("Professor", "Grace", "Kim"),
];

/// What sets one generated draft apart from another of the same length, so a
/// corpus of them is not one story many times over. The default is the draft the
/// analysis and latency benchmarks have always measured.
#[derive(Clone, Copy, Default)]
pub struct Variation {
    /// Where the story's six people start in [`PEOPLE`].
    pub cast: usize,
    /// Which of the twelve paragraph patterns the story opens with (past the
    /// first, its first person is met by surname before their full name).
    pub opening: usize,
}

/// A draft of about `words` words in wire-service style: titled people, cues
/// before and after quotations, pronouns, split and nested quotations,
/// descriptions, apostrophes, and one unattributed quotation in every twelve
/// paragraphs.
pub fn draft(words: usize, markdown: bool, variation: Variation) -> String {
    let mut out = String::new();
    if markdown {
        out.push_str("---\ntitle: \"Generated draft\"\n---\n\n# Council Weighs Budget After ‘Difficult’ Year\n\n");
    }
    let mut i = variation.opening;
    let mut count = out.split_whitespace().count();
    while count < words {
        // Each run of twelve paragraphs is about one person, named in full first.
        let (title, given, surname) = PEOPLE[(variation.cast + (i / 12) % 6) % PEOPLE.len()];
        let pronoun = if matches!(
            given,
            "Maria" | "Priya" | "Ingrid" | "Aisha" | "Helen" | "Lena" | "Grace"
        ) {
            "she"
        } else {
            "he"
        };
        let para = match i % 12 {
            0 => format!("{title} {given} {surname} said on Tuesday that the plan was “a step in the right direction” and that talks would resume next week."),
            1 => format!("“We have waited long enough for this,” {surname} told reporters. “Now the work starts, and nobody’s going to slow it down.”"),
            2 => format!("{surname}, who has opposed the measure since the ’90s, wrote on social media that the vote was “premature.” {} added, “I don’t think voters were asked.”", capitalise(pronoun)),
            3 => "The proposal would raise about $2.1 billion over five years, according to a report by the budget office, which called the numbers “optimistic but plausible.”".to_string(),
            4 => format!("“If we can’t agree on this,” {pronoun} said, “we will be back here in a month saying: ‘Why didn’t we act?’”"),
            5 => "A spokeswoman for the ministry said the department was “reviewing every line” of the bill.".to_string(),
            6 => format!("“It is a fair deal,” said {given} {surname}, a former adviser to the council. “Nobody gets everything.”"),
            7 => "Residents packed the hall. “This is our money, not theirs.” The meeting ran past midnight.".to_string(),
            8 => format!("The so-called “rainy day” fund, set up in 2019, would cover the gap, {surname} said in a statement."),
            9 => "Officials said the schedule could still slip, with one describing it as “tight, but doable.”".to_string(),
            10 => format!("{surname}’s office did not respond to a request for comment. The 6'2\" former athlete has rarely spoken about the dispute."),
            _ => format!("“The numbers simply do not add up,” {surname} said. “We are being asked to sign a blank cheque.”"),
        };
        if markdown && i % 12 == 3 {
            out.push_str("> ");
        }
        count += para.split_whitespace().count();
        out.push_str(&para);
        out.push_str("\n\n");
        i += 1;
    }
    out
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}
