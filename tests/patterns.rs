//! One test per attribution pattern a copy editor relies on, on short drafts.

use copydesk::analysis::{Analysis, Options, QuoteKind, analyze};
use copydesk::text::Format;

fn plain(text: &str) -> Analysis {
    analyze(text, &Options::new(Format::PlainText))
}

/// (quotation text, speaker) for every quotation.
fn sheet(text: &str) -> Vec<(String, Option<String>)> {
    let a = plain(text);
    a.quotes
        .iter()
        .map(|q| {
            (
                text[q.span.clone()].to_string(),
                a.speaker_name(q).map(str::to_owned),
            )
        })
        .collect()
}

fn speaker_of(text: &str, quote_start: &str) -> Option<String> {
    sheet(text)
        .into_iter()
        .find(|(q, _)| q.starts_with(quote_start))
        .unwrap_or_else(|| panic!("no quotation starting {quote_start}"))
        .1
}

fn unattributed(text: &str) -> Vec<String> {
    let a = plain(text);
    a.findings
        .iter()
        .filter(|f| f.rule == "unattributed-quote")
        .map(|f| text[f.span.clone()].to_string())
        .collect()
}

#[test]
fn cue_after_the_quotation_with_a_platform() {
    let t = "US President Donald Trump spoke on Monday.\n\n“Negotiations will begin immediately,” Trump posted on Truth Social.";
    assert_eq!(
        speaker_of(t, "“Negotiations").as_deref(),
        Some("Donald Trump")
    );
}

#[test]
fn inverted_cue_with_apposition() {
    let t = "“Tariffs are a tax on our own buyers,” said Edward Alden of the Council on Foreign Relations.";
    assert_eq!(speaker_of(t, "“Tariffs").as_deref(), Some("Edward Alden"));
}

#[test]
fn title_before_name_then_partial_quotation() {
    let t = "White House Press Secretary Karoline Leavitt said Trump is “weary and frustrated with both sides.”";
    let a = plain(t);
    assert_eq!(a.speaker_name(&a.quotes[0]), Some("Karoline Leavitt"));
    assert_eq!(a.quotes[0].kind, QuoteKind::Partial);
    assert_eq!(
        a.people[0].titles,
        vec!["White House Press Secretary".to_string()]
    );
}

#[test]
fn colon_cue() {
    let t =
        "US Vice President JD Vance spoke in Rome. Vance said: “We are going to try to end it.”";
    assert_eq!(speaker_of(t, "“We are").as_deref(), Some("JD Vance"));
}

#[test]
fn split_quotation_is_one_speakers() {
    let t = "Maria Lopez, the mayor, spoke first.\n\n“We tried,” she added, “but it failed.”";
    let a = plain(t);
    assert_eq!(a.quotes.len(), 2);
    assert_eq!(a.speaker_name(&a.quotes[0]), Some("Maria Lopez"));
    assert_eq!(a.speaker_name(&a.quotes[1]), Some("Maria Lopez"));
    assert_eq!(a.quotes[1].continues, Some(0));
    assert_eq!(a.quotes[1].kind, QuoteKind::Full);
}

#[test]
fn according_to_and_relative_clause() {
    let t = "The memorandum would outline “principles of settlement,” according to Vladimir Putin, who emphasised the need to address the “root causes” of the conflict.";
    let s = sheet(t);
    assert_eq!(s[0].1.as_deref(), Some("Vladimir Putin"));
    assert_eq!(s[1].1.as_deref(), Some("Vladimir Putin"));
}

#[test]
fn participles_take_the_main_clauses_subject() {
    let t = "Speaking from Sochi, Russian President Vladimir Putin echoed the sentiment, saying Russia was ready to work on a “memorandum on a possible peace accord” with Ukraine.\n\nDonald Trump, who has repeatedly vowed to end the war swiftly, revealed the Vatican had offered to host talks, writing, “Let the process begin!”";
    assert_eq!(
        speaker_of(t, "“memorandum").as_deref(),
        Some("Vladimir Putin")
    );
    assert_eq!(speaker_of(t, "“Let the").as_deref(), Some("Donald Trump"));
}

#[test]
fn he_added_resolves_to_the_nearest_fitting_person_by_gender() {
    let t = "Chancellor Anna Berg met Prime Minister Tomas Vik in Oslo. Berg said talks had been “constructive.”\n\nVik was more cautious. He added, “We are not there yet.”\n\nBerg disagreed. She said, “We are closer than he thinks.”";
    assert_eq!(speaker_of(t, "“We are not").as_deref(), Some("Tomas Vik"));
    assert_eq!(
        speaker_of(t, "“We are closer").as_deref(),
        Some("Anna Berg")
    );
}

#[test]
fn two_people_of_one_gender_the_subject_wins() {
    let t = "Coach Marcus Bell praised striker Leon Hartwell after the match. He said the team had “found its spine.”";
    assert_eq!(speaker_of(t, "“found").as_deref(), Some("Marcus Bell"));
}

#[test]
fn descriptions_are_sources() {
    let t = "“We are reviewing the decision,” a spokeswoman for the ministry said.\n\nThe newspaper wrote that the plan was “dead on arrival.”\n\nThe president said the talks were “over.”";
    assert_eq!(
        speaker_of(t, "“We are").as_deref(),
        Some("a spokeswoman for the ministry")
    );
    assert_eq!(speaker_of(t, "“dead").as_deref(), Some("the newspaper"));
    assert_eq!(speaker_of(t, "“over").as_deref(), Some("the president"));
}

#[test]
fn continuing_speaker_across_paragraphs() {
    let t = "“The bridge is safe,” said engineer Ruth Adams.\n\n“We inspected every bolt.”\n\nThe mayor was not convinced.\n\n“I want a second opinion.”";
    assert_eq!(
        speaker_of(t, "“We inspected").as_deref(),
        Some("Ruth Adams")
    );
    // A paragraph that quotes nobody sits between: the last quotation is not hers.
    assert_eq!(
        unattributed(t),
        vec!["“I want a second opinion.”".to_string()]
    );
}

#[test]
fn multi_paragraph_quotation_is_one_attributed_quotation() {
    let t = "Judge Alan Price told the court:\n\n“This case has taken too long.\n\n“The victims deserve an answer.\n\n“Today they will get one.”";
    let a = plain(t);
    assert_eq!(a.quotes.len(), 1);
    assert!(a.quotes[0].multi_paragraph);
    assert_eq!(a.speaker_name(&a.quotes[0]), Some("Alan Price"));
    assert!(a.findings.is_empty(), "{:?}", a.findings);
}

#[test]
fn terms_are_never_flagged() {
    let t = "She appeared on “Meet the Press” to defend the “Make America Great Again” slogan against so-called “experts.”";
    let a = plain(t);
    assert!(
        a.quotes.iter().all(|q| q.kind == QuoteKind::Term),
        "{:?}",
        a.quotes
    );
    assert!(a.findings.is_empty());
}

#[test]
fn a_really_unattributed_quotation_is_flagged_with_its_first_words() {
    let t = "Anger has been building in the valley. “Fix it this time or don't bother coming back.” The message was painted on the post office.";
    let a = plain(t);
    let f: Vec<_> = a
        .findings
        .iter()
        .filter(|f| f.rule == "unattributed-quote")
        .collect();
    assert_eq!(f.len(), 1);
    assert!(
        f[0].message.contains("“Fix it this time or don't…”"),
        "{}",
        f[0].message
    );
}

#[test]
fn anonymous_sources_get_an_information_finding() {
    let t = "“The deal is dead,” a source familiar with the talks said.\n\nOfficials said the vote would be “postponed indefinitely.”";
    let a = plain(t);
    let anon: Vec<_> = a
        .findings
        .iter()
        .filter(|f| f.rule == "anonymous-source")
        .collect();
    assert_eq!(anon.len(), 2, "{:?}", a.findings);
    assert!(
        anon.iter()
            .all(|f| f.severity == copydesk::analysis::Severity::Information)
    );
    assert!(!a.findings.iter().any(|f| f.rule == "unattributed-quote"));
}

#[test]
fn the_newsroom_headline_quote_goes_to_the_named_person() {
    let t = "Trump Says Ceasefire Talks To Begin ‘Immediately’ After Call With Putin\n\nUS President Donald Trump spoke with Russian President Vladimir Putin for two hours.";
    assert_eq!(
        speaker_of(t, "‘Immediately").as_deref(),
        Some("Donald Trump")
    );
}

#[test]
fn rule_severities_can_be_changed_or_turned_off() {
    let t = "“Nobody will stop us.”";
    let mut options = Options::new(Format::PlainText);
    options.rules.insert(
        "unattributed-quote".into(),
        Some(copydesk::analysis::Severity::Error),
    );
    let a = analyze(t, &options);
    assert_eq!(a.findings[0].severity, copydesk::analysis::Severity::Error);
    options.rules.insert("unattributed-quote".into(), None);
    assert!(analyze(t, &options).findings.is_empty());
}

#[test]
fn a_long_draft_worked_on_two_cores_gives_the_same_answers_throughout() {
    let para = "Senator Maria Alvarez spoke first.\n\n“We will win,” said Senator Maria Alvarez.\n\nThe crowd waited.\n\n“Nobody will stop us.” The crowd cheered.\n\n";
    let text = para.repeat(2000);
    assert!(text.len() > 200 * 1024);
    let a = plain(&text);
    assert_eq!(a.quotes.len(), 4000);
    let credited = a
        .quotes
        .iter()
        .filter(|q| a.speaker_name(q) == Some("Maria Alvarez"))
        .count();
    assert_eq!(credited, 2000);
    assert_eq!(unattributed(&text).len(), 2000);
    assert_eq!(a.people.len(), 1);
}

#[test]
fn an_unattributed_quotation_points_to_the_last_person_named_before_it() {
    // Two unattributed quotations: the first after Sen. Alvarez, the second after
    // Dana Whitfield's name was last given as "Whitfield".
    let text = "Sen. Maria Alvarez left early.\n\n“It is over.”\n\n\
                Secretary of State Dana Whitfield arrived. Whitfield sat down.\n\n\
                “We go on.”\n\nNobody spoke for a while.\n\n“Still here.”";
    let a = plain(text);
    let pointed: Vec<(String, String, String)> = a
        .findings
        .iter()
        .filter(|f| f.rule == "unattributed-quote")
        .map(|f| {
            let r = &f.related[0];
            (
                text[f.span.clone()].to_string(),
                r.message.clone(),
                text[r.span.clone()].to_string(),
            )
        })
        .collect();
    let expect = |q: &str, who: &str, at: &str| {
        (
            q.to_string(),
            format!("last person named before it: {who}"),
            at.to_string(),
        )
    };
    assert_eq!(
        pointed,
        vec![
            expect("“It is over.”", "Maria Alvarez", "Alvarez"),
            expect("“We go on.”", "Dana Whitfield", "Whitfield"),
            expect("“Still here.”", "Dana Whitfield", "Whitfield"),
        ]
    );
    // The second points at the later, bare "Whitfield", not the full name.
    let f = &a
        .findings
        .iter()
        .filter(|f| f.rule == "unattributed-quote")
        .nth(1)
        .unwrap();
    assert!(f.related[0].span.start > text.find("Whitfield sat").unwrap() - 1);
}

/// The quotations flagged as having only an anonymous source.
fn anonymous_quotations(t: &str) -> Vec<&str> {
    plain(t)
        .findings
        .iter()
        .filter(|f| f.rule == "anonymous-source")
        .map(|f| &t[f.related[0].span.clone()])
        .collect()
}

#[test]
fn an_anonymity_phrase_counts_only_as_whole_words() {
    let t = "“The plan is off,” said a lawyer who was unfamiliar with the file.\n\n\
             “We will appeal,” said a lawyer who would not disclose to reporters why.\n\n\
             “Nothing is settled,” said a lawyer close to the family.\n\n\
             “It is over,” said a lawyer who spoke on condition of\nanonymity.";
    assert_eq!(
        anonymous_quotations(t),
        vec!["“Nothing is settled,”", "“It is over,”"]
    );
}

#[test]
fn a_phrase_in_the_description_makes_a_source_anonymous() {
    let t = "“The plan is off,” a lawyer who asked not to be named said.\n\n\
             “We will appeal,” a lawyer for the family said.\n\n\
             “Nothing is settled,” a person familiar with the plans said.";
    assert_eq!(
        anonymous_quotations(t),
        vec!["“The plan is off,”", "“Nothing is settled,”"]
    );
}

#[test]
fn a_title_in_a_sentence_with_a_cue_is_credited_to_nobody() {
    let t =
        "Senator Maria Alvarez appeared on “Meet the Press” and said the budget was “a disgrace.”";
    let a = plain(t);
    let title = a
        .quotes
        .iter()
        .find(|q| &t[q.inner.clone()] == "Meet the Press")
        .expect("the title is read as a quotation");
    assert_eq!(title.kind, QuoteKind::Term);
    assert!(title.speaker.is_none(), "{title:?}");
    assert!(
        a.quotes.iter().any(|q| q.speaker.is_some()),
        "{:?}",
        a.quotes
    );
}

#[test]
fn a_pronoun_means_the_main_clauses_subject_not_the_opening_clauses() {
    // "When Ana Ruiz turned to …, Jane Brandt seized …": the one the next
    // sentence's "he" or "she" means is Brandt, the main clause's subject.
    let t = "Ana Ruiz hosted the debate. When Ruiz turned to taxes, Jane Brandt seized on the question. “Taxes are too high,” she said.";
    assert_eq!(speaker_of(t, "“Taxes").as_deref(), Some("Jane Brandt"));
    // An owner opening the main clause is not its subject.
    let t = "Jane Brandt spoke first. On Monday, Brandt's rival Ana Ruiz said the plan was dead. “It cannot pass,” she added.";
    assert_eq!(speaker_of(t, "“It cannot").as_deref(), Some("Ana Ruiz"));
    // Even when the opening clause has a speech verb of its own.
    let t = "Ana Ruiz hosted the debate. When Ruiz asked about taxes, Jane Brandt seized on the question. “Taxes are too high,” she said.";
    assert_eq!(speaker_of(t, "“Taxes").as_deref(), Some("Jane Brandt"));
}

#[test]
fn a_thing_called_by_its_name_is_no_speech() {
    // "a super PAC called Future45" names a group; the quotation after it
    // goes on with the speaker before.
    let t = "“They are running ads against me,” Ana Ruiz said, referring to a super PAC called Future45. “So they think I will win.”";
    assert_eq!(speaker_of(t, "“So they").as_deref(), Some("Ana Ruiz"));
    // A person calling someone something still speaks, by that verb, and so
    // does a group whose name has an "of" phrase.
    for (t, who) in [
        (
            "The senator called Tom Hale “a liar” on Monday.",
            "the senator",
        ),
        (
            "Critics of the plan called Tom Hale “reckless” on Monday.",
            "Critics of the plan",
        ),
    ] {
        let a = plain(t);
        let q = &a.quotes[0];
        assert_eq!(a.speaker_name(q), Some(who), "{t}");
        let verb = q.cue.as_ref().map(|c| &t[c.verb.clone()]);
        assert_eq!(verb, Some("called"), "{t}");
    }
}

#[test]
fn a_message_reading_a_quotation_is_its_authors() {
    let t = "Ana Ruiz posted a message on Twitter reading “Thank you Ohio” after the polls closed.";
    assert_eq!(speaker_of(t, "“Thank").as_deref(), Some("Ana Ruiz"));
}

#[test]
fn a_count_of_people_before_a_speech_verb_speaks() {
    // Polls and crowds: a number or a counting word stands for the people.
    for (t, who) in [
        (
            "The poll found broad doubt. Six in 10 said the delegates “should decide.”",
            "Six in 10",
        ),
        (
            "Of those asked, 14 percent said the party was “broken.”",
            "14 percent",
        ),
        // A count written in words is read whole, not cut at "in".
        (
            "The poll found broad doubt. Six in ten said the delegates “should decide.”",
            "Six in ten",
        ),
        (
            "The poll found broad doubt. One in five said the vote was “rigged.”",
            "one in five",
        ),
        ("Several said they were “tired of waiting.”", "several"),
        ("Another said the plan was “a joke.”", "another"),
        ("Some chanted “Recount!” outside the hall.", "some"),
    ] {
        assert_eq!(sheet(t)[0].1.as_deref(), Some(who), "{t}");
    }
    // A name, a pronoun or a noun before the count is the subject; a number
    // alone is an age; a noun after a count is no verb.
    for (t, who) in [
        (
            "Tom Hale and Ana Ruiz both denounced the “sham” vote.",
            "Tom Hale",
        ),
        (
            "Tom Hale met Ana Ruiz, and they both said the deal was “done.”",
            "Tom Hale",
        ),
        (
            "The senators both said the deal was “done.”",
            "the senators",
        ),
        (
            "Ana Ruiz, 60, a doctor, said the clinic was “full.”",
            "Ana Ruiz",
        ),
        ("Another chant rose from the crowd: “Recount!”", "the crowd"),
    ] {
        assert_eq!(sheet(t)[0].1.as_deref(), Some(who), "{t}");
    }
}

#[test]
fn a_passive_agent_after_the_quoted_words_speaks() {
    for t in [
        "The ad was labeled “misleading” by Ana Ruiz on Monday.",
        "The plan was described as “a fantasy” by Ana Ruiz.",
    ] {
        assert_eq!(sheet(t)[0].1.as_deref(), Some("Ana Ruiz"), "{t}");
    }
}
