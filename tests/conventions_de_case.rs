//! German case and word order: an article says whether the noun phrase after
//! a speech verb can be its subject, and a noun for a person after its
//! article speaks as a description. One sentence of our own each.

#[path = "common/speakers.rs"]
mod speakers;
use copydesk::analysis::{Language, QuoteKind, Speaker};
use speakers::{check, people_named, read_as, speaker};

#[test]
fn german_object_after_the_verb_is_no_speaker() {
    check(
        Language::German,
        &[
            // "den" and "dem" open an object: the subject stands before the verb.
            (
                "Innenexperte Paul Wiefel nannte den Bericht eine „Zeitungsente“.",
                "Paul Wiefel",
            ),
            (
                "Die Ministerin Eva Roth sagte dem Sender, der Plan sei „tot“.",
                "Eva Roth",
            ),
            // The speaker may follow the object: its own title or article
            // opens it. A name the object's noun titles is the object's.
            (
                "„Wir sind bereit“, sagte den Reportern Innenminister Karl Wulf.",
                "Karl Wulf",
            ),
            (
                "„Wir sind bereit“, sagte dem Sender der Innenminister.",
                "der Innenminister",
            ),
            (
                "Die Behörde bestätigte dem Abgeordneten Jan Berg, dass er auf einer „Liste“ stehe.",
                "die Behörde",
            ),
        ],
    );
}

#[test]
fn german_title_before_a_name_opens_the_sentence_with_it() {
    check(
        Language::German,
        &[(
            "Innenexperte Paul Wiefel nannte die Studie eine „Zeitungsente“.",
            "Paul Wiefel",
        )],
    );
}

#[test]
fn german_noun_for_a_person_after_its_article_speaks() {
    check(
        Language::German,
        &[
            // After the quotation and the verb: "sagte der Student".
            (
                "Die Richterin Ute Moll sprach das Urteil. „Das ist ein Fehler“, sagte der Student auf der Anklagebank.",
                "der Student",
            ),
            // Before the verb, with an adjective between, and the outlet
            // after the verb spoken to.
            (
                "Der grüne Staatssekretär sagte der „Berliner Zeitung“, dass eine „grüne Zapfsäule“ fehle.",
                "der grüne Staatssekretär",
            ),
            (
                "Der Staatssekretär sagte dem Radio, dass eine „grüne Zapfsäule“ fehle.",
                "der Staatssekretär",
            ),
        ],
    );
}

#[test]
fn german_view_of_someone_attributes_what_follows() {
    check(
        Language::German,
        &[
            (
                "Nach Ansicht von Ministerpräsident Karl Wulf ist nichts entschieden. „Es ist nur ein Gutachten.“",
                "Karl Wulf",
            ),
            (
                "Die Runde tagte lange. Nach Meinung der Polizei ist der Plan „völlig unrealistisch“.",
                "Polizei",
            ),
        ],
    );
}

#[test]
fn german_name_after_a_relative_pronoun_stays_a_name() {
    // "die" after the comma opens a relative clause whose subject is Wolf;
    // it does not make "Wolf" a noun elsewhere.
    check(
        Language::German,
        &[
            (
                "Die Partei lehnte die Reform ab, die Wolf vorgeschlagen hatte. „Das ist ein Fehler“, sagte Wolf.",
                "Wolf",
            ),
            (
                "Die Partei lehnte die Reform ab, für die Wolf geworben hatte. „Das ist ein Fehler“, sagte Wolf.",
                "Wolf",
            ),
        ],
    );
}

#[test]
fn german_adverb_or_mood_opening_the_sentence_is_no_speaker() {
    check(
        Language::German,
        &[
            (
                "Besorgt äußerte sich auch der Vorsitzende der Initiative, Wolfgang Grau, zu den Vorgängen: „Wir befürchten das Schlimmste.“",
                "Wolfgang Grau",
            ),
            (
                "Kritisch äußerte sich der Vorsitzende: „Wir befürchten das Schlimmste.“",
                "der Vorsitzende",
            ),
        ],
    );
    let adverb = "Die Kammer tagte lange. Letztlich bestehen „begründete Zweifel“ an der Schuld.";
    assert_eq!(speaker(Language::German, adverb), None, "{adverb}");
}

#[test]
fn german_main_verb_of_reported_speech_carries_the_speaker_past_its_subject() {
    check(
        Language::German,
        &[(
            "„Wir halten die Gebühren für richtig“, sagte die Ministerin Eva Roth. Die Studie zeige in Wahrheit, „dass die Gebühren kaum abschrecken“.",
            "Eva Roth",
        )],
    );
    // A person as the subject speaks for themselves, and a verb of reported
    // speech in a clause after the comma is that clause's.
    check(
        Language::German,
        &[(
            "„Wir halten die Gebühren für richtig“, sagte die Ministerin Eva Roth. Max Weber hingegen habe im Bundestag „Unsinn“ gerufen.",
            "Max Weber",
        )],
    );
    check(
        Language::German,
        &[(
            "„Wir halten die Gebühren für richtig“, sagte die Ministerin Eva Roth. Der Kanzler Max Weber schrieb am Montag, sie wolle „eine Abstimmung ersparen“.",
            "Max Weber",
        )],
    );
}

#[test]
fn german_outlets_and_documents_speak_by_what_they_are() {
    check(
        Language::German,
        &[
            (
                "Das staatliche Fernsehen berichtete von „schweren Verlusten des Feindes“ bei den Kämpfen.",
                "das staatliche Fernsehen",
            ),
            (
                "Die Partei schrieb an die Polizei. „Wir möchten Sie dringend auffordern, das zu verhindern“, heißt es in dem Schreiben.",
                "dem Schreiben",
            ),
        ],
    );
}

#[test]
fn english_title_word_alone_is_still_a_surname() {
    // Only in German is a title alone a description ("der Staatssekretär").
    let text = "“The tax cut is working,” Justice said at a rally.";
    let a = read_as(Language::English, text);
    let q = a.quotes.last().expect("a quotation");
    assert!(
        matches!(q.speaker, Some(Speaker::Person(_))),
        "{text}: {:?}",
        q.speaker
    );
}

#[test]
fn german_sentence_pointing_back_credits_the_words_before_it() {
    check(
        Language::German,
        &[
            // „Das sagte X“: the source after the verb said what came before.
            (
                "Die Junta will nach der Wahl „weiter assistieren“. Das erklärte General Paul Wiefel am Montag vor Diplomaten.",
                "Paul Wiefel",
            ),
            (
                "Die Partei will „mehr Geld“ für Schulen. Dies sagte der Vorsitzende Karl Wulf am Dienstag.",
                "Karl Wulf",
            ),
        ],
    );
    // Right after a quotation ending its sentence, too.
    check(
        Language::German,
        &[("„Wir bleiben.“ Das sagte Karl Wulf am Montag.", "Karl Wulf")],
    );
    // "Das erklärte Ziel": the verb is an adjective before its noun, and the
    // name after it says nothing of the words before.
    let t = "Die Partei will „mehr Geld“ für Schulen. Das erklärte Ziel von Kanzler Olaf Scholz ist ein anderes.";
    assert_ne!(speaker(Language::German, t).as_deref(), Some("Olaf Scholz"));
}

#[test]
fn german_noun_before_von_and_a_given_name_is_no_part_of_the_name() {
    // "von" joins a name's particles ("Ursula von der Leyen"), not a noun to
    // the person after it.
    let people = people_named(
        Language::German,
        "Die Initiative kritisiert den Vorschlag von Michel Wolter. Seit dem Amtsantritt von Angela Merkel regiert die Koalition. Ursula von der Leyen schweigt.",
    );
    for name in ["Michel Wolter", "Angela Merkel", "Ursula von der Leyen"] {
        assert!(people.iter().any(|p| p == name), "{name} in {people:?}");
    }
    assert!(
        !people
            .iter()
            .any(|p| p.contains("Vorschlag") || p.contains("Amtsantritt")),
        "{people:?}"
    );
    // Opponents and supporters are described, not named.
    check(
        Language::German,
        &[(
            "Die Gegner fordern, dass der „Rote Löwe“ bleibt.",
            "die Gegner",
        )],
    );
}

#[test]
fn german_subject_after_its_article_and_adjectives_is_the_speaker() {
    // Verb second: the person opening the clause speaks; the known person
    // after the verb is the one spoken of.
    check(
        Language::German,
        &[(
            "Jonas Berg ist tot. Die frühere grüne Ministerin Eva Wolf nannte Berg einen „wahren Freund“.",
            "Eva Wolf",
        )],
    );
    // An object may open the clause too: its article says so.
    check(
        Language::German,
        &[(
            "Eva Wolf ist Ministerin. Jonas Berg ist tot. Den früheren Minister Jonas Berg nannte Eva Wolf einen „wahren Freund“.",
            "Eva Wolf",
        )],
    );
}

#[test]
fn quotation_in_brackets_after_a_name_is_that_persons() {
    // Roundups set reactions in brackets after each name.
    check(
        Language::German,
        &[(
            "Viele gratulierten, so der Leiter der Behörde, Karl Wulf („Niemand verdient es mehr.“), und andere.",
            "Karl Wulf",
        )],
    );
    check(
        Language::English,
        &[(
            "Many sent praise, among them the agency's head, Eva Wolf (\"No one deserves it more.\"), and others.",
            "Eva Wolf",
        )],
    );
    // A title may come first in the list: "were Senator …", "her deputy …".
    check(
        Language::English,
        &[
            (
                "Among the critics were Senator Eva Wolf (\"A disgrace.\"), and others.",
                "Eva Wolf",
            ),
            (
                "The head, Eva Wolf (\"Well deserved.\"), and her deputy Tom Hale (\"Overdue.\") welcomed it.",
                "Tom Hale",
            ),
        ],
    );
    // A few words in brackets are what others call the person; after a verb
    // the person is spoken of, and the cue's source speaks.
    for t in [
        "Trump mocked Ana Ruiz (\"Little Ana\") at the rally.",
        "Critics mocked Ana Ruiz (\"Little Ana!\") at the rally.",
        "President Tom Reed attacked Senator Ana Ruiz (\"She is a disaster.\") on Friday.",
    ] {
        assert_ne!(
            speaker(Language::English, t).as_deref(),
            Some("Ana Ruiz"),
            "{t}"
        );
    }
    let t = "Karl Wulf lobte Eva Wolf („Sie hat es verdient.“) und ihr Team.";
    assert_eq!(speaker(Language::German, t).as_deref(), Some("Karl Wulf"));
}

#[test]
fn german_so_before_a_verb_or_an_adjective_is_no_cue() {
    // "„…“, so Merkel" names a source; "So sollen Schüler …" is "thus", and
    // "so genannte" an adjective: neither makes the noun after it a person.
    let people = people_named(
        Language::German,
        "So sollen Gymnasiasten keine Hausaufgaben mehr bekommen. Die so genannten Experten schweigen.",
    );
    assert!(people.is_empty(), "{people:?}");
    check(
        Language::German,
        &[
            ("„Wir bleiben“, so Karl Wulf.", "Karl Wulf"),
            ("„Wir bleiben“, so der Minister.", "der Minister"),
            ("Der Plan sei „tot“, so etwa der Minister.", "der Minister"),
            (
                "Der Plan sei „tot“, so zwei Sprecher der Regierung.",
                "zwei Sprecher",
            ),
        ],
    );
    check(
        Language::English,
        &[(
            "The deal was \"basically dead,\" per senior officials.",
            "senior officials",
        )],
    );
    // A paragraph's speaker goes on past such a sentence, not past one with
    // a subject of its own.
    check(
        Language::German,
        &[(
            "Ministerpräsident Karl Wulf hat angekündigt, die Schulen zu reformieren. So sollen Gymnasiasten keine Hausaufgaben mehr bekommen. „Nicht jede Formel ist nötig.“",
            "Karl Wulf",
        )],
    );
    let t = "Ministerpräsident Karl Wulf hat angekündigt, die Schulen zu reformieren. Die Opposition hält das für falsch. „Das ist Unsinn.“";
    assert_ne!(speaker(Language::German, t).as_deref(), Some("Karl Wulf"));
}

#[test]
fn a_transcripts_label_in_marks_is_no_quotation() {
    // An interview set as a transcript, its labels in italics marks. German
    // capitalises every noun, so no capital says "title" here.
    let text = "''Zeitung'': Warum jetzt?\n\n''Wulf'': Weil das Gesetz falsch ist.\n\n''Zeitung'': Und dann?\n";
    let a = read_as(Language::German, text);
    let kinds: Vec<QuoteKind> = a.quotes.iter().map(|q| q.kind).collect();
    assert!(kinds.iter().all(|&k| k == QuoteKind::Term), "{kinds:?}");
    assert!(
        a.findings.iter().all(|f| f.rule != "unattributed-quote"),
        "{:?}",
        a.findings
    );
    // Words of someone's opening a paragraph before a colon still count.
    let a = read_as(
        Language::German,
        "„Wir geben nicht auf.“: Das stand auf jedem Plakat.\n",
    );
    assert_eq!(a.quotes[0].kind, QuoteKind::Full);
    // A slogan someone is credited with is theirs, label or not.
    check(
        Language::English,
        &[(
            "\"Resign Now\": protesters chanted it for hours outside the hall.",
            "protesters",
        )],
    );
}

#[test]
fn german_name_in_marks_after_its_article_is_a_term() {
    // German sets the names of groups, ships and products in marks, used
    // with their article like any noun.
    for text in [
        "Bei dem „Oberen Atmosphären Satelliten“ handelt es sich um ein altes Gerät.",
        "Die französische „Allianz für den Planeten“ hatte dazu aufgerufen.",
    ] {
        let a = read_as(Language::German, text);
        assert_eq!(a.quotes[0].kind, QuoteKind::Term, "{text}");
    }
    // Words worked into a sentence without an article are still someone's.
    // Nor are words after an article that read as no name.
    for text in [
        "Im Land gilt „Niemand darf das Land verlassen“ seit Montag.",
        "Die Opposition kritisierte die „Politik der leeren Versprechen“ scharf.",
    ] {
        let a = read_as(Language::German, text);
        assert_eq!(a.quotes[0].kind, QuoteKind::Partial, "{text}");
    }
}

#[test]
fn german_separable_speech_verbs_end_their_clause_with_the_particle() {
    check(
        Language::German,
        &[
            (
                "„Wir bauen nicht aus“, gab Ingrid Wolf am Montag bekannt.",
                "Ingrid Wolf",
            ),
            (
                "„Der Fonds hilft“, ließ Ingrid Wolf aus Genf verlauten.",
                "Ingrid Wolf",
            ),
            (
                "„Die Lage ist ernst“, hob Ingrid Wolf in Kiel hervor.",
                "Ingrid Wolf",
            ),
            (
                "„Das kostet Geld“, wies Ingrid Wolf auf die Kosten hin.",
                "Ingrid Wolf",
            ),
            (
                "„Ich trete an“, strich Ingrid Wolf in Kiel heraus.",
                "Ingrid Wolf",
            ),
            (
                "„Wo ist das Geld?“, wollte Ingrid Wolf wissen.",
                "Ingrid Wolf",
            ),
            // At the end of a clause a conjunction opens, the verb is one word.
            (
                "Wie Ingrid Wolf am Montag mitteilte, sei der Plan „völlig verfehlt“.",
                "Ingrid Wolf",
            ),
        ],
    );
    // A particle says "speech" only with the verb it belongs to: a publisher
    // bringing out a book quotes no one.
    for text in [
        "Der Verlag Wulf gab das Buch „Neue Wege für alle“ heraus.",
        "„Neue Wege für alle“ gab der Verlag Wulf heraus.",
    ] {
        let a = read_as(Language::German, text);
        assert!(
            a.quotes[0]
                .cue
                .as_ref()
                .is_none_or(|c| !text[c.verb.clone()].contains("heraus")),
            "{text}"
        );
    }
}
