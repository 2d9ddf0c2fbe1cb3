//! People: who is a person, their titles, one person per name, and a name spelled
//! two ways.

use copydesk::analysis::spelling::HouseName;
use copydesk::analysis::{Analysis, Options, Severity, analyze};
use copydesk::text::Format;

const CEASEFIRE: &str = include_str!("eval/drafts/23-ceasefire-style.txt");

fn plain(text: &str) -> Analysis {
    analyze(text, &Options::new(Format::PlainText))
}

fn names(a: &Analysis) -> Vec<&str> {
    a.people.iter().map(|p| p.name.as_str()).collect()
}

fn spelling_findings(a: &Analysis) -> Vec<&copydesk::analysis::Finding> {
    a.findings
        .iter()
        .filter(|f| f.rule == "name-spelling")
        .collect()
}

#[test]
fn the_wire_story_has_its_five_people_with_titles_and_nothing_else() {
    let a = plain(CEASEFIRE);
    let people: Vec<(&str, Vec<&str>)> = a
        .people
        .iter()
        .map(|p| {
            (
                p.name.as_str(),
                p.titles.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        people,
        vec![
            ("Andrés Caldera", vec!["Venezuelan leader"]),
            ("Rafael Montenegro", vec!["Brazilian President"]),
            ("Leonard Bascom", vec!["Guyanese President"]),
            ("Dana Whitfield", vec!["US Secretary of State"]),
            ("Lucía Arbeláez", vec!["Colombian Foreign Minister"]),
        ]
    );
    assert!(spelling_findings(&a).is_empty());
}

#[test]
fn a_later_mention_spelled_differently_is_flagged_with_both_fixes() {
    // Change the last "Caldera" into "Caldeira".
    let at = CEASEFIRE.rfind("Caldera").unwrap();
    let text = format!(
        "{}Caldeira{}",
        &CEASEFIRE[..at],
        &CEASEFIRE[at + "Caldera".len()..]
    );
    let a = plain(&text);
    let f = spelling_findings(&a);
    assert_eq!(f.len(), 1, "{:?}", a.findings);
    assert_eq!(&text[f[0].span.clone()], "Caldeira");
    assert!(f[0].message.contains("“Caldera”"), "{}", f[0].message);
    assert_eq!(&text[f[0].related[0].span.clone()], "Caldera");
    assert_eq!(f[0].fixes[0].edits.len(), 1);
    assert_eq!(f[0].fixes[0].edits[0].new_text, "Caldera");
    // The person keeps one entry, with both spellings counted.
    let caldera = a
        .people
        .iter()
        .find(|p| p.name == "Andrés Caldera")
        .unwrap();
    assert!(
        caldera
            .spellings
            .iter()
            .any(|(s, n)| s == "Caldeira" && *n == 1),
        "{:?}",
        caldera.spellings
    );
    assert!(!names(&a).contains(&"Caldeira"));
}

#[test]
fn every_kind_of_variant_is_one_person() {
    let cases = [
        ("Volodymyr Zelensky", "Zelenskyy"),
        ("Karoline Leavitt", "Leavit"),
        ("Recep Tayyip Erdoğan", "Erdogan"),
        ("Nancy McDonald", "Mcdonald"),
        ("Marta Kowalski", "Kowlaski"),
    ];
    for (full, variant) in cases {
        let surname = full.rsplit(' ').next().unwrap();
        let text = format!(
            "{full} spoke on Monday.\n\n“We are ready,” {surname} said.\n\nLater, {variant} added that talks would go on."
        );
        let a = plain(&text);
        let f = spelling_findings(&a);
        assert_eq!(f.len(), 1, "{full} / {variant}: {:?}", a.findings);
        assert_eq!(&text[f[0].span.clone()], variant);
        assert_eq!(f[0].fixes[0].edits[0].new_text, surname);
    }
    // Full names written two ways: the later one is flagged, whole.
    for (text, flagged) in [
        (
            "Deputy spokesman Jean-Pierre Dubois spoke first. Jean Pierre Dubois later said the schedule would change.",
            "Jean Pierre Dubois",
        ),
        (
            "US Vice President JD Vance spoke first. J.D. Vance later said the plan would hold.",
            "J.D. Vance",
        ),
        (
            "Press Secretary Karoline Leavitt spoke first. Caroline Leavitt later said the plan would hold.",
            "Caroline Leavitt",
        ),
    ] {
        let spans: Vec<&str> = spelling_findings(&plain(text))
            .iter()
            .map(|f| &text[f.span.clone()])
            .collect();
        assert_eq!(spans, vec![flagged], "{text}");
    }
}

#[test]
fn look_alikes_that_are_not_one_person_stay_quiet() {
    let text = "Senator Mitt Romney and Senator Paul Rodney met on Tuesday. Romney said the Democratic caucus, not \
                just Democrats, would wait until Thursday. Rodney agreed. Russia and Russian suppliers were not \
                discussed.\n\nSusan Lee and her sister Susana Lee asked questions. Susan Lee asked first and Susana \
                Lee asked second.\n\nThe Obamas did not comment. Putin’s spokesman, speaking for Vladimir Putin, \
                declined to comment, as did Harris' office for Kamala Harris.";
    let a = plain(text);
    assert!(
        spelling_findings(&a).is_empty(),
        "{:?}",
        spelling_findings(&a)
    );
    for name in ["Mitt Romney", "Paul Rodney", "Susan Lee", "Susana Lee"] {
        assert!(
            names(&a).contains(&name),
            "{name} missing from {:?}",
            names(&a)
        );
    }
    for not_a_person in [
        "Democratic",
        "Democrats",
        "Russia",
        "Russian",
        "Tuesday",
        "Thursday",
        "Obamas",
    ] {
        assert!(
            !names(&a).contains(&not_a_person),
            "{not_a_person} taken for a person"
        );
    }
}

#[test]
fn relatives_who_share_a_surname_stay_apart() {
    let text =
        "Donald Trump and Melania Trump arrived together. Mrs. Trump waved. Mr. Trump did not.";
    let a = plain(text);
    let donald = a.people.iter().find(|p| p.name == "Donald Trump").unwrap();
    let melania = a.people.iter().find(|p| p.name == "Melania Trump").unwrap();
    let mrs = text.find("Mrs. Trump").unwrap() + "Mrs. ".len();
    let mr = text.find("Mr. Trump").unwrap() + "Mr. ".len();
    assert!(
        melania.mentions.iter().any(|m| m.start == mrs),
        "{:?}",
        melania.mentions
    );
    assert!(
        donald.mentions.iter().any(|m| m.start == mr),
        "{:?}",
        donald.mentions
    );
    assert!(spelling_findings(&a).is_empty());
}

#[test]
fn titles_before_the_name_and_in_appositions() {
    let text = "“We will act,” said Edward Alden of the Council on Foreign Relations.\n\n\
                Karoline Leavitt, the White House press secretary, said Trump was “weary.”\n\n\
                Economist Priya Natarajan said the numbers were “optimistic.”";
    let a = plain(text);
    let titles = |n: &str| {
        a.people
            .iter()
            .find(|p| p.name == n)
            .map(|p| p.titles.clone())
            .unwrap_or_default()
    };
    assert_eq!(
        titles("Edward Alden"),
        vec!["Council on Foreign Relations".to_string()]
    );
    assert_eq!(
        titles("Karoline Leavitt"),
        vec!["White House press secretary".to_string()]
    );
    assert_eq!(titles("Priya Natarajan"), vec!["Economist".to_string()]);
}

#[test]
fn first_reference_wants_the_full_name_first() {
    let text = "Talks Resume\n\nPutin said on Monday that talks would resume. Russian President Vladimir Putin spoke from Sochi.";
    let a = plain(text);
    let hints: Vec<_> = a
        .findings
        .iter()
        .filter(|f| f.rule == "first-reference")
        .collect();
    assert_eq!(hints.len(), 1, "{:?}", a.findings);
    assert_eq!(hints[0].severity, Severity::Hint);
    assert_eq!(hints[0].span.start, text.find("Putin said").unwrap());
    assert_eq!(hints[0].fixes[0].edits[0].new_text, "Vladimir Putin");
    // Full name first: no hint.
    let text = "Russian President Vladimir Putin spoke from Sochi. Putin said talks would resume.";
    assert!(
        !plain(text)
            .findings
            .iter()
            .any(|f| f.rule == "first-reference")
    );
}

#[test]
fn the_house_list_decides_the_spelling() {
    let text =
        "Ukrainian President Volodymyr Zelenskyy spoke on Monday. “We are ready,” Zelenskyy said.";
    let mut options = Options::new(Format::PlainText);
    assert!(spelling_findings(&analyze(text, &options)).is_empty());
    options.people.push(HouseName {
        name: "Volodymyr Zelensky".into(),
        title: Some("President of Ukraine".into()),
        variants: vec!["Zelenskyy".into(), "Zelenskiy".into()],
    });
    let a = analyze(text, &options);
    let f = spelling_findings(&a);
    let spans: Vec<&str> = f.iter().map(|f| &text[f.span.clone()]).collect();
    assert_eq!(spans, vec!["Volodymyr Zelenskyy", "Zelenskyy"]);
    assert_eq!(f[0].fixes[0].edits[0].new_text, "Volodymyr Zelensky");
    assert_eq!(f[1].fixes[0].edits[0].new_text, "Zelensky");
    assert!(
        f[1].fixes[1].edits.len() == 2,
        "the fix-all covers both mentions"
    );
    assert!(
        a.people[0]
            .titles
            .contains(&"President of Ukraine".to_string())
    );
}

#[test]
fn a_spelling_marked_sic_is_reproduced_on_purpose_and_left_alone() {
    // The same slip without "[sic]" is reported; with it, or "(sic)", it is
    // the source's own spelling, quoted as written.
    let story = |mark: &str| {
        format!(
            "State Attorney Angela Corey filed the case in May.\n\n\
             Corey said the evidence was strong.\n\n\
             The email urged readers to \"end Angela Correy’s{mark} career\" for good.\n\n\
             Later, Corey declined to comment.\n"
        )
    };
    let slip = plain(&story(""));
    assert_eq!(spelling_findings(&slip).len(), 1, "{:?}", slip.findings);
    for mark in [" [sic]", " (sic)", " [Sic]", " [sic!]"] {
        let a = plain(&story(mark));
        assert!(spelling_findings(&a).is_empty(), "{mark}: {:?}", a.findings);
    }
}

#[test]
fn a_lowercase_title_before_an_unknown_name_makes_a_person() {
    // "Brigid" is no given name copydesk knows; the title says who she is.
    let a = plain(
        "Political science professor Brigid Harrison saw sadness. “It looked like heartbreak,” she said.",
    );
    assert_eq!(names(&a), ["Brigid Harrison"]);
    assert_eq!(a.speaker_name(&a.quotes[0]), Some("Brigid Harrison"));
    // A group after a noun of its own stays nobody, and so does a company
    // after a job word that may describe it.
    for text in [
        "The group Black Lives Matter marched on Sunday.",
        "The oil producer Aramco hired her a week later.",
    ] {
        let a = plain(text);
        assert!(names(&a).is_empty(), "{text}: {:?}", names(&a));
    }
}

#[test]
fn an_adjective_before_a_known_surname_names_no_second_person() {
    // "Former Carson advisers" are advisers; the surname stays Ana Carson's.
    let a = plain(
        "Ana Carson spoke on Monday. Former Carson advisers said the campaign was adrift. “We will go on,” Carson said.",
    );
    assert_eq!(names(&a), ["Ana Carson"]);
    assert_eq!(a.speaker_name(&a.quotes[0]), Some("Ana Carson"));
}
