//! The newsroom conventions copydesk reads, each with sentences written for this
//! test: how AP- and Reuters-style copy attributes quotations and names people.
//! Every convention here was found missing on published copy (see
//! docs/accuracy.md); none of these sentences comes from an article.

use copydesk::analysis::{Analysis, Options, QuoteKind, analyze};
use copydesk::text::Format;

fn analysis(text: &str) -> Analysis {
    analyze(text, &Options::new(Format::PlainText))
}

/// Each quotation's speaker as written, in text order.
fn speakers(text: &str) -> Vec<Option<String>> {
    let a = analysis(text);
    a.quotes
        .iter()
        .filter(|q| q.nested_in.is_none())
        .map(|q| a.speaker_name(q).map(str::to_string))
        .collect()
}

fn speaker(text: &str) -> Option<String> {
    let all = speakers(text);
    assert_eq!(all.len(), 1, "{text}: {all:?}");
    all.into_iter().next().flatten()
}

fn findings(text: &str, rule: &str) -> usize {
    analysis(text)
        .findings
        .iter()
        .filter(|f| f.rule == rule)
        .count()
}

#[test]
fn short_speech_with_its_cue_is_speech_not_a_term() {
    for (text, who) in [
        ("“Fine,” she said, and Ana Ruiz left the room.", None),
        (
            "Tom Baker heard the plan. “Never,” Baker insisted.",
            Some("Tom Baker"),
        ),
        (
            "“We’ll See,” said Sen. Lisa Moran (R-Alaska).",
            Some("Lisa Moran"),
        ),
    ] {
        let a = analysis(text);
        let q = &a.quotes[0];
        assert_ne!(q.kind, QuoteKind::Term, "{text}");
        assert!(q.attributed(), "{text}");
        if let Some(who) = who {
            assert_eq!(a.speaker_name(q), Some(who), "{text}");
        }
    }
    // A title is still a title where no cue follows it.
    let a = analysis("She watched “Meet the Press” on Sunday.");
    assert_eq!(a.quotes[0].kind, QuoteKind::Term);
}

#[test]
fn he_said_attributes_even_when_nobody_is_named_before() {
    let text = "The hall was full.\n\n“We will not give up,” he said.";
    assert_eq!(findings(text, "unattributed-quote"), 0);
    assert_eq!(speaker(text).as_deref(), Some("he"));
}

#[test]
fn documents_crowds_and_party_members_speak() {
    assert_eq!(
        speaker("The email said, “Effective today, the office is closed.”").as_deref(),
        Some("the email")
    );
    assert_eq!(
        speaker("“Turnout will decide it,” the release added.").as_deref(),
        Some("the release")
    );
    assert_eq!(
        speaker("“The gap is too wide,” said a Nevada Democrat.").as_deref(),
        Some("a Nevada Democrat")
    );
    assert_eq!(
        speaker("“Four more years!” the crowd chanted.").as_deref(),
        Some("the crowd")
    );
    assert_eq!(
        speaker("News outlets reported that the agency had “more than one conversation” with her.")
            .as_deref(),
        Some("News outlets")
    );
}

#[test]
fn the_hearer_of_a_verb_of_telling_is_never_the_source() {
    let text = "“It went well,” the shipping magnate told Reuters. “We agreed on most of it.”";
    assert_eq!(
        speakers(text),
        [
            Some("the shipping magnate".to_string()),
            Some("the shipping magnate".to_string())
        ]
    );
}

#[test]
fn a_party_tag_in_brackets_stands_between_the_name_and_its_verb() {
    assert_eq!(
        speaker("“We will appeal,” Rep. Jane Doe (R-Ore.) said.").as_deref(),
        Some("Jane Doe")
    );
    assert_eq!(
        speaker("Gov. Tom Hale (D-Maine), said, “The budget is balanced.”").as_deref(),
        Some("Tom Hale")
    );
}

#[test]
fn in_an_apposition_the_name_after_for_or_of_is_not_the_speaker() {
    assert_eq!(
        speaker("“It is a fair deal,” Alan Brisco, a lawyer for Tom Ellery, said.").as_deref(),
        Some("Alan Brisco")
    );
}

#[test]
fn a_question_or_exclamation_keeps_the_titled_name_after_it() {
    assert_eq!(
        speaker("“Why now?” Mr. Hale asked. The room went quiet.").as_deref(),
        Some("Hale")
    );
    assert_eq!(
        speaker("“Not again!” Sen. Ana Ruiz shouted.").as_deref(),
        Some("Ana Ruiz")
    );
}

#[test]
fn a_colon_hands_the_quotation_to_its_clauses_subject_or_the_name_before_it() {
    assert_eq!(
        speaker("Mayor Ana Ruiz was blunt: “The bridge will be rebuilt.”").as_deref(),
        Some("Ana Ruiz")
    );
    let roundup = "Ruiz: “The bridge comes first.” Baker: “The school comes first.”";
    assert_eq!(
        speakers(roundup),
        [Some("Ruiz".to_string()), Some("Baker".to_string())]
    );
}

#[test]
fn a_quotation_after_a_paraphrase_carries_its_speaker() {
    let text = "Council member Dev Sharma said the plan was dead. “We are done here.”";
    assert_eq!(speaker(text).as_deref(), Some("Dev Sharma"));
    // Someone else named before the quotation stops it.
    let text = "Dev Sharma said the plan was dead. Tom Baker shook his head: “Not yet.”";
    assert_eq!(
        speakers(text).last().cloned().flatten().as_deref(),
        Some("Tom Baker")
    );
}

#[test]
fn a_characterising_verb_credits_the_partial_quotation_to_its_subject() {
    for text in [
        "Ana Ruiz derided the plan as “a giveaway to developers.”",
        "Ana Ruiz labeled the vote “a betrayal of the town.”",
        "Ana Ruiz denounced what she called “a shameful deal.”",
    ] {
        assert_eq!(speaker(text).as_deref(), Some("Ana Ruiz"), "{text}");
    }
}

#[test]
fn a_headline_quotes_without_attribution() {
    let draft = "Mayor Calls Bridge Vote ‘Historic’\n\nThe council voted 7-2 on Tuesday. \
                 Mayor Ana Ruiz called it “historic,” and the crowd cheered.";
    assert_eq!(findings(draft, "unattributed-quote"), 0);
    let sentence_case = "Council issues ‘deep apology’ to residents\n\nThe council met.";
    assert_eq!(findings(sentence_case, "unattributed-quote"), 0);
    // An opening line of several sentences is no headline.
    let lead = "The vote was close. “We will not accept this.” The count resumed.\n\nMore.";
    assert_eq!(findings(lead, "unattributed-quote"), 1);
}

#[test]
fn a_source_who_declined_to_be_named_is_anonymous() {
    let text = "“The water tastes of metal,” said one resident who declined to give her name.";
    assert_eq!(findings(text, "anonymous-source"), 1);
}

#[test]
fn a_given_name_tells_gender_better_than_a_job_title() {
    let text = "Campaign spokesman Hope Hicks answered first. “They are not with us,” she said.";
    assert_eq!(speaker(text).as_deref(), Some("Hope Hicks"));
}

#[test]
fn a_name_with_an_age_or_a_description_after_it_is_a_person() {
    let text = "Mayor Tom Baker spoke first. Carole Vint, 75, a retiree in Dover, voted for him. \
                “I will do it again,” she said.";
    assert_eq!(speaker(text).as_deref(), Some("Carole Vint"));
}

#[test]
fn the_agent_of_a_passive_cue_is_the_source() {
    let text = "The move was first reported by Reuters, which called it “a retreat.”";
    assert_eq!(speaker(text).as_deref(), Some("Reuters"));
    // A person named before "portrayed by" is not the speaker of what follows.
    let text = "The role of Mayor Dan Pike, portrayed by Tim Ash, made him famous. \
                “I am not the mayor,” he said.";
    assert_eq!(speaker(text).as_deref(), Some("Tim Ash"));
}

#[test]
fn an_outlet_or_a_group_whose_name_holds_a_common_word_speaks() {
    assert_eq!(
        speaker("“It is over,” Fox News reported.").as_deref(),
        Some("Fox News")
    );
    assert_eq!(
        speaker("“The records are incomplete,” Public Watch added.").as_deref(),
        Some("Public Watch")
    );
}

#[test]
fn a_surname_that_is_also_an_adjective_speaks_beside_its_verb() {
    assert_eq!(
        speaker("“It is too early to tell,” Cuban said.").as_deref(),
        Some("Cuban")
    );
    // With an article it is nobody's name.
    let a = analysis("“It is too early,” the Cuban said.");
    assert!(a.people.iter().all(|p| p.name != "Cuban"), "{:?}", a.people);
}

#[test]
fn a_cue_after_a_name_and_its_apposition_belongs_to_the_exclamation_before() {
    let text =
        "“Not us, but fair enough!” Murphy, the head of the rival committee, tweeted on Friday.";
    assert_eq!(speaker(text).as_deref(), Some("Murphy"));
}

#[test]
fn a_document_or_a_company_that_speaks_through_it() {
    let text = "The memo was short. “Stop all work at once,” it read.";
    assert_eq!(findings(text, "unattributed-quote"), 0);
}

#[test]
fn doubled_apostrophes_quote_as_double_marks() {
    let text = "''It is nonsense,'' Mr. Hale said by telephone. ''She knows it.''";
    assert_eq!(
        speakers(text),
        [Some("Hale".to_string()), Some("Hale".to_string())]
    );
}

#[test]
fn a_person_named_by_age_or_by_a_given_name_that_is_a_word_speaks() {
    let text = "“He has always led,” said the 46-year-old. “Now he will lead you.”";
    assert_eq!(
        speakers(text),
        [
            Some("the 46-year-old".to_string()),
            Some("the 46-year-old".to_string())
        ]
    );
    let text = "“It is an expensive model,” said Will Doyle, a professor of economics.";
    assert_eq!(speaker(text).as_deref(), Some("Will Doyle"));
}

#[test]
fn a_story_pasted_one_paragraph_to_a_line_keeps_its_paragraphs() {
    // Without blank lines, each long line is a paragraph: the bare quotation
    // after a paragraph that quotes nobody is unattributed.
    let text = "“We will run out the clock this year, in the hope of a win,” said Carl Tobin, a law professor in Richmond.\n\
                But what if the other party wins the White House instead, and the nominees all change with it?\n\
                “They should just do whatever they want to do.”\n";
    let a = analysis(text);
    assert_eq!(a.speaker_name(&a.quotes[0]), Some("Carl Tobin"));
    assert!(!a.quotes[1].attributed(), "{:?}", a.quotes[1]);
}

#[test]
fn a_party_tag_after_a_name_does_not_end_the_sentence_of_its_cue() {
    let text = "“Perpetual motion!” Rep. Glenn Tomas, R-Pa., said of the convention.";
    assert_eq!(speaker(text).as_deref(), Some("Glenn Tomas"));
}

#[test]
fn a_paragraph_ending_in_a_colon_introduces_its_subjects_words() {
    let text = "Student Jared Pott, 17, echoed the point:\n\n“He speaks his mind, and the country needs that.”";
    assert_eq!(speaker(text).as_deref(), Some("Jared Pott"));
    let text =
        "The mayor released the following statement:\n\n“Our thoughts are with the families.”";
    assert_eq!(speaker(text).as_deref(), Some("the mayor"));
}

#[test]
fn a_given_name_that_is_an_auxiliary_is_a_name_in_capitals() {
    let text = "“The eruption of war is a reminder of what is at stake,” Will wrote.";
    assert_eq!(speaker(text).as_deref(), Some("Will"));
}

#[test]
fn a_fragment_worked_into_a_sentence_is_its_subjects() {
    assert_eq!(
        speaker("The campaign’s new ad claims the senator is “the conservative you can trust.”")
            .as_deref(),
        Some("the campaign’s new ad")
    );
    assert_eq!(
        speaker("Dana Levi made the point that the plan would be “a third term in all but name.”")
            .as_deref(),
        Some("Dana Levi")
    );
    // The fragment's subject comes before the speaker of the quotation before.
    assert_eq!(
        speakers(
            "“We will win,” said Ana Ruiz. Tom Hale sees the plan as “a fantasy” and will vote no."
        )
        .last()
        .cloned()
        .flatten()
        .as_deref(),
        Some("Tom Hale")
    );
    // A term its sentence's subject uses is theirs: the hover names them.
    let a = analysis("Senator Ana Ruiz named “Veep” as her favourite show.");
    assert_eq!(a.quotes[0].kind, QuoteKind::Term);
    assert_eq!(a.speaker_name(&a.quotes[0]), Some("Ana Ruiz"));
    // A clause of its own after a comma has a subject of its own.
    assert_eq!(
        speakers(
            "Tom Hale greets the governor warmly, while Ana Ruiz refers to the mayor as “Tom.”"
        ),
        [Some("Ana Ruiz".to_string())]
    );
    // "as X put it": the one right before the phrase.
    assert_eq!(
        speaker("Victor Lanz, who owed his win to, as an American diplomat put it, an “extreme makeover,” fled.")
            .as_deref(),
        Some("an American diplomat")
    );
}

#[test]
fn what_someone_called_a_thing_is_their_words_and_a_lone_name_before_a_verb_is_a_subject() {
    let text = "That led to what aide Kevin Phil called “the beginning of a new era” in his book.";
    assert_eq!(speaker(text).as_deref(), Some("Kevin Phil"));
    let text = "Tremp gestured at the crowd, then leaned in and boomed: “Let us win in November.”";
    assert_eq!(speaker(text).as_deref(), Some("Tremp"));
    // A show called by its name is still a show.
    let a = analysis("She hosts a show called “Late Night Talk” on Fridays.");
    assert_eq!(a.quotes[0].kind, QuoteKind::Term);
}

#[test]
fn a_passive_cue_has_no_source_before_it_and_a_headline_fragment_is_a_term_unless_it_says_whose() {
    let text =
        "The hall was full.\n\n“We will not give up.” Residents cheered as the vote was read out.";
    assert_eq!(findings(text, "unattributed-quote"), 1);
    // A headline's single-quoted words are a term unless the headline names whose.
    for headline in [
        "Mayor Calls Bridge Vote ‘Historic’",
        "Council Backs ‘A Bridge for the Whole City’ in Close Vote",
    ] {
        let a = analysis(&format!("{headline}\n\nThe council voted on Tuesday."));
        assert_eq!(a.quotes[0].kind, QuoteKind::Term, "{headline}");
        assert!(!a.quotes[0].attributed(), "{headline}");
    }
    let a = analysis("Ruiz Says Bridge Vote Is ‘Historic’\n\nMayor Ana Ruiz spoke on Tuesday.");
    assert_eq!(a.quotes[0].kind, QuoteKind::Partial);
    assert_eq!(a.speaker_name(&a.quotes[0]), Some("Ana Ruiz"));
    // "is saying" is active.
    assert_eq!(
        speaker("Mayor Ana Ruiz is saying “the bridge comes first.”").as_deref(),
        Some("Ana Ruiz")
    );
}

#[test]
fn reported_speech_keeps_its_speaker_past_a_prediction_a_passive_or_nobody() {
    // "will continue" predicts; the reporting verb's subject is the speaker.
    assert_eq!(
        speaker(
            "Cruz said he is certain Rubio will continue to be “a champion for working families.”"
        )
        .as_deref(),
        Some("Cruz")
    );
    // An advance text still attributes: "will say".
    assert_eq!(
        speaker("President Ana Ruiz will say: “We have kept our word.”").as_deref(),
        Some("Ana Ruiz")
    );
    // A passive sentence after the quotation is about something else.
    assert_eq!(
        speakers(
            "Morris says the campaign will “compete hard for the nomination.” The move was first reported by MSNBC."
        ),
        vec![Some("Morris".to_string())]
    );
    // "Nobody" is no one to resolve "he" to.
    assert_ne!(
        speaker("Nobody asked about the plan. He called it “shameful” on Tuesday.").as_deref(),
        Some("Nobody")
    );
}

#[test]
fn a_quotation_right_before_its_verb_puts_the_source_after_the_verb() {
    assert_eq!(
        speaker("The ministry missed a cell in the district and “should have acted sooner,” said Ralf Jäger, the minister.")
            .as_deref(),
        Some("Ralf Jäger")
    );
}

#[test]
fn a_phrase_of_time_between_source_and_verb_is_skipped() {
    assert_eq!(
        speaker(
            "Beck, who has in the past described the senator as “a dangerous man,” spoke on Monday."
        )
        .as_deref(),
        Some("Beck")
    );
    assert_eq!(
        speaker("Mayor Ana Ruiz at the time said the plan was “a mistake.”").as_deref(),
        Some("Ana Ruiz")
    );
    // A phrase counting back in time: "ago" and the count before it.
    for t in [
        "Mayor Ana Ruiz two weeks ago said the plan was “a mistake.”",
        "Mayor Ana Ruiz less than a year ago said the plan was “a mistake.”",
        "Mayor Ana Ruiz a few weeks ago said the plan was “a mistake.”",
    ] {
        assert_eq!(speaker(t).as_deref(), Some("Ana Ruiz"), "{t}");
    }
    // With no count, the word before "years ago" is the subject's own.
    let t = "Ana Ruiz lost the race. Ruiz’s lawyer years ago said the plan was “a mistake.”";
    assert_ne!(speaker(t).as_deref(), Some("Ana Ruiz"));
}

#[test]
fn a_name_in_another_form_is_not_another_spelling() {
    for text in [
        // A family, a derived word, a name joined to another.
        "Senator Marta Halvorsen spoke. The Halvorsens left early. Critics called it a Halvorsenian move in the Halvorsen-era.",
        // A middle initial or middle name given once, then dropped (AP).
        "Donna J. Pryce spoke on Monday. Later Donna Pryce said she would return.",
        "Hillary Rodham Pryce spoke on Monday. Later Hillary Pryce said she would return.",
        // A transcript's speaker label in capitals.
        "MARTA HALVORSEN: We are done here.\n\nMarta Halvorsen later left the hall.",
        // A short form of the given name.
        "Peter Santori spoke. Pete Santori, as friends call him, left.",
        // Groups are not people: no spelling to hold them to.
        "Hispanic Republicans met on Monday. A Hispanic Republican said little.",
        "Ana Ruiz's Super PAC spent more. Other Super PACs spent less.",
        // A contraction beside a person's surname.
        "Mayor Karen Weaver spoke. “We’ve waited long enough,” Weaver said.",
    ] {
        assert_eq!(findings(text, "name-spelling"), 0, "{text}");
    }
}

#[test]
fn a_slip_in_a_surname_is_caught_where_the_family_or_an_organisation_shares_it() {
    for text in [
        // Two of one family: the slip is still a slip.
        "Bill Okafor and Hillary Okafor spoke. Okafr said no.",
        // A surname in an organisation's name.
        "Marta Halvorsen founded it. Halvorsen said so. The Halvorsn Foundation paid.",
        // Written once, one letter off a surname the story writes often.
        "Dorothy Peabodi, whose husband Ty Peabody served, spoke. Peabody died in 2012. Peabody was 41.",
    ] {
        assert_eq!(findings(text, "name-spelling"), 1, "{text}");
    }
}

#[test]
fn an_inverted_attribution_after_reported_speech_names_the_speaker_after_the_verb() {
    // The subject of the reported clause ("the Okafor plan") is what was said
    // about; the person after ", said" is who said it, and "she" later is her.
    let text = "Ana Okafor spoke on Monday. The Okafor plan is made possible by its budget, said Katie Brandt, the county's director. Others are \"having to do more with less,\" she said.";
    assert_eq!(speaker(text).as_deref(), Some("Katie Brandt"));
}

#[test]
fn a_given_name_that_is_also_a_common_noun_leads_a_persons_name() {
    // "Bill" is a bill in "the Farm Bill", a person in "Bill Harmon".
    let text = "Ana Okafor won the county.\n\nBill Harmon, a pollster, sounded a cautious note. Later he said, \"this changes nothing.\"";
    assert_eq!(speaker(text).as_deref(), Some("Bill Harmon"));
    let text = "The Farm Bill passed on Monday. \"It is a good day,\" said Ana Okafor.";
    assert_eq!(speaker(text).as_deref(), Some("Ana Okafor"));
}

#[test]
fn a_preposition_made_from_a_verb_opening_a_sentence_is_not_part_of_a_name() {
    let text = "Ana Ruiz won in 2020.\n\nGiven Ruiz's record, few doubted her. \"We will win again,\" Ruiz said.";
    assert_eq!(speaker(text).as_deref(), Some("Ana Ruiz"));
}

#[test]
fn a_participle_after_a_cue_goes_on_with_its_source() {
    let text = "Ana Ruiz met Tom Hale. Ruiz and Hale will meet again next week, Tom Brandt said, adding, \"They need to sit down.\"";
    assert_eq!(speaker(text).as_deref(), Some("Tom Brandt"));
}

#[test]
fn a_relative_clause_after_the_opening_name_does_not_take_the_cue() {
    let text = "Tom Brandt, whose latest company, Fieldwork, sells maps, said the plan was working: \"It is a start.\"";
    assert_eq!(speaker(text).as_deref(), Some("Tom Brandt"));
}

#[test]
fn a_cue_after_a_quotation_that_had_its_own_opens_a_new_sentence() {
    let text = "Ana Ruiz confirmed she had been and said, \"We overlook the problem.\" The mayor then recalled an incident.";
    assert_eq!(speaker(text).as_deref(), Some("Ana Ruiz"));
}

#[test]
fn a_name_the_quotation_goes_on_from_is_not_the_source() {
    let text = "Ana Ruiz spoke. Tom Brandt, a former adviser who backed the plan, said Ruiz \"understood she could not win without it.\"";
    assert_eq!(speaker(text).as_deref(), Some("Tom Brandt"));
}

#[test]
fn an_organisation_and_a_title_before_the_name_after_the_verb() {
    let text = "Ana Ruiz won Ohio in 2008. Ruiz \"drew well from working voters\" in that primary, said Ohio State University professor Tom Brandt.";
    assert_eq!(speaker(text).as_deref(), Some("Tom Brandt"));
}

#[test]
fn a_participle_takes_the_name_right_before_it() {
    let text = "Republicans were irritated, with Sen. Tom Brandt calling it a \"Chinese menu.\"";
    assert_eq!(speaker(text).as_deref(), Some("Tom Brandt"));
}

#[test]
fn a_pronoun_repeating_the_sentences_subject_is_the_same_person() {
    let text = "Tom Brandt spoke in Texas. But he also took swipes at Carl Hale, who he dubbed \"the little senator.\"";
    assert_eq!(speaker(text).as_deref(), Some("Tom Brandt"));
}

#[test]
fn a_proposal_in_quotation_marks_is_the_proposers() {
    let text = "Gov. Ana Ruiz signed an order, while Tom Brandt, the former governor, proposed we \"wake up and smell the coffee\" and said more.";
    assert_eq!(speaker(text).as_deref(), Some("Tom Brandt"));
}

#[test]
fn an_infinitive_cue_has_its_clauses_subject_as_source() {
    let text = "On the radio, Ana Ruiz said that by refusing to say the words \"open border,\" her rivals are \"hiding from the voters.\"";
    assert_eq!(
        speakers(text).last().cloned().flatten().as_deref(),
        Some("Ana Ruiz")
    );
}

#[test]
fn a_name_after_to_before_the_cue_is_spoken_to() {
    let text = "A county official speaking to Channel Four News said, \"The audit is under way.\"";
    assert_eq!(speaker(text).as_deref(), Some("a county official"));
}

#[test]
fn a_chain_of_sentences_opening_with_one_pronoun_keeps_its_referent() {
    let text = "Tom Brandt spoke at length. He is trying to win over voters for Carl Hale. He believes, he said, that \"Hale is a good man.\"";
    assert_eq!(speaker(text).as_deref(), Some("Tom Brandt"));
}

#[test]
fn a_known_given_name_alone_is_not_a_slip_for_a_surname_two_letters_off() {
    let text = "Massimo Franco, a columnist, wrote about it. Pope Francis spoke in Rome. Franco said the visit mattered. Francis said little.";
    assert_eq!(findings(text, "name-spelling"), 0);
}

#[test]
fn an_epigraph_or_a_pulled_quotation_is_signed_with_a_dash() {
    for text in [
        "Ana Ruiz spoke on Monday.\n\n“We will win this fight.” ― Tom Brandt",
        "Ana Ruiz spoke on Monday.\n\n“We will win this fight.”\n\n― Tom Brandt",
        "Ana Ruiz spoke on Monday.\n\n“We will win this fight.”\n\n- Tom Brandt, in a speech on Monday.",
    ] {
        assert_eq!(speaker(text).as_deref(), Some("Tom Brandt"), "{text}");
        assert_eq!(findings(text, "unattributed-quote"), 0, "{text}");
    }
}

#[test]
fn roundup_and_transcript_labels_name_the_speaker() {
    // A roundup's line: the person, then the outlet.
    let text = "Tom Brandt, Channel Four: “We will win this fight.”";
    assert_eq!(speaker(text).as_deref(), Some("Tom Brandt"));
    // A transcript's label in capitals is the person of that surname.
    let text = "Carl Hale spoke on Monday.\n\nHALE: “We will win this fight.”";
    assert_eq!(speaker(text).as_deref(), Some("Carl Hale"));
    // Q and A label an interview's lines: attributed, never a warning.
    let text = "Q: “Will you run?”\n\nA: “We will see.”";
    assert_eq!(
        speakers(text),
        [Some("Q".to_string()), Some("A".to_string())]
    );
    assert_eq!(findings(text, "unattributed-quote"), 0);
}

#[test]
fn guidance_advises() {
    let text = "“Stay home,” the county guidance advises.";
    assert_eq!(speaker(text).as_deref(), Some("the county guidance"));
}

#[test]
fn different_people_and_things_are_never_one_person() {
    for text in [
        // Family members, generations, middle initials that differ.
        "Eric Garner died in 2014. Erica Garner spoke. Eric Garner's family wept. Erica Garner left.",
        "Martin King Jr. spoke. Martin King Sr. said more.",
        "George W. Bush spoke. George H. W. Bush said more. George W. Bush left. George H. W. Bush stayed.",
        // An organisation and a person; an abbreviation and a surname.
        "Pfizer spoke. Tom Piper of DLA Piper said more. Piper left.",
        "The U.N. said so. Ana Un said more. Un left.",
        // A word heading an "of" phrase of names is the phrase's.
        "Andrew Hale spoke. Hale said so. He trained under Hall of Famer Tom Brandt, Hale said.",
        // A given name in a list is not a slip for another person's surname.
        "The panel: Erin McKee, Gary Smith, Mikee Johnson, Lara Moss. McKee said so. McKee left.",
    ] {
        assert_eq!(findings(text, "name-spelling"), 0, "{text}");
    }
}

#[test]
fn the_odd_first_mention_is_the_one_corrected() {
    let text = "Vladimir Poutin spoke. Putin said no. Putin left.";
    let a = analysis(text);
    let found: Vec<_> = a
        .findings
        .iter()
        .filter(|f| f.rule == "name-spelling")
        .collect();
    assert_eq!(found.len(), 1);
    assert_eq!(&text[found[0].span.clone()], "Vladimir Poutin");
    assert_eq!(found[0].fixes[0].edits[0].new_text, "Vladimir Putin");
}

#[test]
fn a_name_after_a_long_title_after_the_verb_is_the_source() {
    let text =
        "“We won it in 2008,” said former Oregon Gov. and Democratic Party Chairman Tom Brandt.";
    assert_eq!(speaker(text).as_deref(), Some("Tom Brandt"));
    // "said of" names whom the words are about.
    let text =
        "Ana Ruiz spoke first. “He is not fit,” Tom Brandt, a teacher, said of Mr. Carl Hale.";
    assert_eq!(speaker(text).as_deref(), Some("Tom Brandt"));
}

#[test]
fn one_consonant_for_another_far_off_on_the_keyboard_is_another_name() {
    // b for s, far apart and unlike in sound: another name, not a slip.
    let text = "Tom Rosa spoke on Monday. “Roba has done nothing,” Tom Rosa said. Roba left.";
    assert_eq!(findings(text, "name-spelling"), 0);
    // A neighbouring key is a slip of the finger.
    let text = "Tom Rosa spoke on Monday. Rosa left. Later Rosq said no.";
    assert_eq!(findings(text, "name-spelling"), 1);
}

#[test]
fn a_nickname_is_the_name_a_person_goes_by_not_a_misspelling() {
    for text in [
        "Sandra Okafor spoke on Monday. Sandy Okafor, as friends call her, left early.",
        "William Brandt spoke on Monday. Later Bill Brandt said he would return.",
    ] {
        assert_eq!(findings(text, "name-spelling"), 0, "{text}");
    }
}

#[test]
fn a_month_or_the_word_opening_a_quotation_is_no_slip_for_a_surname() {
    for text in [
        "The San Juan board met on Monday. Tom Juan spoke. Juan said the next test comes on Jan. 1.",
        "“Proper deference to the state requires that the vote go ahead,” he wrote.\n\nParty chairman David Pepper said the party may appeal.",
    ] {
        assert_eq!(findings(text, "name-spelling"), 0, "{text}");
    }
}

#[test]
fn a_term_right_after_its_speech_verb_is_the_speakers_word() {
    // The verb governs the term: it is what the speaker said or called it.
    for (text, who) in [
        (
            "In a long answer, Tom Baker said “Channel Nine” five times.",
            "Tom Baker",
        ),
        (
            "Ana Ruiz called the council an “Old Boys Club” on Monday.",
            "Ana Ruiz",
        ),
    ] {
        let a = analysis(text);
        assert_eq!(a.quotes[0].kind, QuoteKind::Term, "{text}");
        assert_eq!(a.speaker_name(&a.quotes[0]), Some(who), "{text}");
    }
    // A title further on names a show, and nobody said it.
    let text = "Tom Baker said he would watch the whole first season of “Meet the Press” again.";
    let a = analysis(text);
    assert_eq!(a.quotes[0].speaker, None, "{text}");
}

#[test]
fn a_quotation_after_a_colon_ends_its_sentence_at_its_own_stop() {
    // The colon introduced it; the cue after its closing stop is the next
    // sentence's, about something else.
    let text = "A spokesman for the council explained at a meeting on Tuesday: “We are satisfied.” Then Ana Ruiz said the plan was sound.";
    assert_eq!(
        speaker(text).as_deref(),
        Some("a spokesman for the council")
    );
}

#[test]
fn a_pronoun_run_into_its_verb_opening_a_sentence_names_nobody() {
    // "I'm" is the writer, not a person called "I'm".
    let t =
        "I'm old enough to remember Governor Carl Dunn going on TV, declaring a “war on waste.”";
    assert_ne!(speaker(t).as_deref(), Some("I'm"));
    let a = analysis(t);
    assert!(a.people.iter().all(|p| p.name != "I'm"), "{:?}", a.people);
    let t = "Ulla Hale went first. We're told she then wrote that the plan was “a disgrace.”";
    assert!(analysis(t).people.iter().all(|p| p.name != "We're"));
    // "She’d", "they've": the pronoun, referring back as "she" does.
    assert_eq!(
        speaker("Ana Ruiz spoke. She’d told reporters the plan was “a mistake.”").as_deref(),
        Some("Ana Ruiz")
    );
}

#[test]
fn a_pronoun_refers_to_the_main_clause_subject_not_a_name_in_an_opening_phrase() {
    // The name in the opening phrase is a place; the subject is the worker
    // the description names.
    assert_eq!(
        speaker(
            "Outside the plant in the suburb of Santa Catarina, a worker named Luis Ruiz \
             has praise for his job. “The mood is calm,” he said."
        )
        .as_deref(),
        Some("Luis Ruiz")
    );
    // A participle clause names whom it asks about, not who answers.
    assert_eq!(
        speaker(
            "The actress Susan Sarandon spoke on Monday.\n\nAsked about her own vote in the \
             event that Hillary Clinton faces Trump, she replied: “I do not know yet.”"
        )
        .as_deref(),
        Some("Susan Sarandon")
    );
    // After "But", the person opening the sentence is its subject, whatever
    // aside follows.
    assert_eq!(
        speaker(
            "But Ana Ruiz, unlike Maria Diaz, stayed calm, and she said the plan was “a mistake.”"
        )
        .as_deref(),
        Some("Ana Ruiz")
    );
    // An opening clause with its own subject, and a main clause naming nobody:
    // the pronoun is that subject.
    assert_eq!(
        speaker(
            "Donald Trump watched. While James Comey said the evidence was clear, he said \
             there was “no precedent” for charges."
        )
        .as_deref(),
        Some("James Comey")
    );
}

#[test]
fn a_quotation_goes_on_with_the_last_speaker_its_paragraph_credits() {
    // A sentence of the story between the paraphrase and the quotation does
    // not break the thread, nor does one whose subject is the speaker.
    for between in ["Voting starts at noon on Tuesday.", "She left early."] {
        let text = format!(
            "Mayor Dana Whitfield said the budget would pass. {between} “We have the votes.”"
        );
        assert_eq!(speaker(&text).as_deref(), Some("Dana Whitfield"), "{text}");
    }
    // Someone else named in between, or a subject of its own, takes it.
    for between in [
        "Council member Ray Ortiz disagrees.",
        "A council spokesman disagreed sharply.",
        "Her rival thinks otherwise.",
        // After an opening adverb too.
        "Then the crowd booed.",
    ] {
        let text = format!(
            "Mayor Dana Whitfield said the budget would pass. {between} “We have the votes.”"
        );
        assert_ne!(speaker(&text).as_deref(), Some("Dana Whitfield"), "{text}");
    }
    // Only a quotation standing as a sentence of its own.
    let text = "Mayor Dana Whitfield said the budget would pass. Voting starts at noon. “Stop the cuts” was painted on a wall.";
    assert_ne!(speaker(text).as_deref(), Some("Dana Whitfield"), "{text}");
}

#[test]
fn a_pronoun_refers_to_the_first_person_of_its_clause_who_fits() {
    // "Lopez campaign manager Tom Hale": the owner of the title is a woman,
    // so "he" is the manager, not the man named last.
    assert_eq!(
        speaker(
            "Anna Lopez won on Tuesday. In a memo, Lopez campaign manager Tom Hale acknowledged that Lopez and Bob Ruiz had split the contests, an outcome, he said, “we long anticipated.”"
        )
        .as_deref(),
        Some("Tom Hale")
    );
}
