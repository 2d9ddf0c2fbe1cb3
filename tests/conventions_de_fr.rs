//! German and French attribution conventions, one sentence of our own each:
//! the quotation marks, the speech verbs in their tenses and word orders, the
//! phrases ("so Merkel", "laut", "selon", "d'après"), titles, pronouns and
//! anonymous sources.

#[path = "common/speakers.rs"]
mod speakers;
use copydesk::analysis::{Language, QuoteKind};
use speakers::{check, people_named, read_as, speaker};

#[test]
fn german_verbs_in_every_order_and_tense() {
    check(
        Language::German,
        &[
            ("„Wir schaffen das“, sagte Ingrid Wolf.", "Ingrid Wolf"),
            ("Ingrid Wolf sagte: „Wir schaffen das.“", "Ingrid Wolf"),
            ("»Wir schaffen das«, sagte Ingrid Wolf.", "Ingrid Wolf"),
            ("«Wir schaffen das», sagte Ingrid Wolf.", "Ingrid Wolf"),
            ("„Wir schaffen das“, erklärte Ingrid Wolf.", "Ingrid Wolf"),
            ("„Wir schaffen das“, betonte Ingrid Wolf.", "Ingrid Wolf"),
            ("„Wir schaffen das“, meinte Ingrid Wolf.", "Ingrid Wolf"),
            (
                "„Wir haben Fehler gemacht“, räumte Ingrid Wolf ein.",
                "Ingrid Wolf",
            ),
            (
                "Ingrid Wolf kündigte an: „Wir senken die Steuern.“",
                "Ingrid Wolf",
            ),
            (
                "„Das ist verantwortungslos“, kritisierte Ingrid Wolf.",
                "Ingrid Wolf",
            ),
            ("„Das stimmt“, bestätigte Ingrid Wolf.", "Ingrid Wolf"),
            ("„Das wird teuer“, warnte Ingrid Wolf.", "Ingrid Wolf"),
            (
                "„Wir brauchen mehr Geld“, forderte Ingrid Wolf.",
                "Ingrid Wolf",
            ),
            (
                "Ingrid Wolf teilte mit: „Die Lage ist ernst.“",
                "Ingrid Wolf",
            ),
            // Verb second: a time or place opens the clause, the subject follows.
            (
                "Am Montag sagte Ingrid Wolf in Kiel: „Die Lage ist ernst.“",
                "Ingrid Wolf",
            ),
            (
                "„Wir prüfen das“, sagte Ministerpräsident Jonas Müller.",
                "Jonas Müller",
            ),
            (
                "„Wir prüfen das“, sagte Prof. Dr. Jonas Müller.",
                "Jonas Müller",
            ),
        ],
    );
}

#[test]
fn german_phrases_pronouns_reported_speech_and_anonymous_sources() {
    check(
        Language::German,
        &[
            (
                "Der Plan sei „völlig verfehlt“, so Ingrid Wolf.",
                "Ingrid Wolf",
            ),
            (
                "Laut Ingrid Wolf ist der Plan „völlig verfehlt“.",
                "Ingrid Wolf",
            ),
            (
                "Nach Angaben von Ingrid Wolf ist der Plan „völlig verfehlt“.",
                "Ingrid Wolf",
            ),
            // The speaker right before the phrase, though another was named first.
            (
                "Jonas Müller legte den Plan vor. Der Plan sei Ingrid Wolf zufolge „völlig verfehlt“.",
                "Ingrid Wolf",
            ),
            (
                "„Die Lage ist ernst“, heißt es in dem Bericht des Ministeriums.",
                "dem Bericht",
            ),
            (
                "„Wir prüfen das“, sagte eine Sprecherin des Ministeriums.",
                "eine Sprecherin",
            ),
            // A title alone after an article: the office-holder, not the man
            // quoted before.
            (
                "„Es ist Zeit“, sagte Jonas Müller. „Ich gehe“, sagte der Papst.",
                "der Papst",
            ),
            (
                "„Wir prüfen das“, hieß es aus Regierungskreisen.",
                "Regierungskreisen",
            ),
            // "fügte … hinzu": the pronoun after the verb, the woman named before.
            (
                "Ingrid Wolf sprach in Kiel. „Wir schaffen das“, fügte sie hinzu.",
                "Ingrid Wolf",
            ),
            // "sie" is the woman, though the man was named last.
            (
                "Jonas Müller traf Ingrid Wolf in Kiel. „Wir sind einig“, sagte sie.",
                "Ingrid Wolf",
            ),
            // Reported speech in Konjunktiv I carries its speaker into the quotation.
            (
                "Sie sei enttäuscht, sagte Jonas Müller. „Das habe ich nicht erwartet.“",
                "Jonas Müller",
            ),
        ],
    );
    for text in [
        "„Wir prüfen das“, hieß es aus Regierungskreisen.",
        "„Wir prüfen das“, sagte ein Sprecher, der nicht genannt werden wollte.",
    ] {
        let a = read_as(Language::German, text);
        assert!(a.quotes[0].anonymous(), "{text}");
    }
}

#[test]
fn french_verbs_inversions_phrases_and_titles() {
    check(
        Language::French,
        &[
            (
                "« Nous irons jusqu'au bout », a déclaré Claire Dubois.",
                "Claire Dubois",
            ),
            // Narrow and plain no-break spaces inside the guillemets.
            (
                "«\u{202f}Nous irons jusqu'au bout\u{202f}», a déclaré Claire Dubois.",
                "Claire Dubois",
            ),
            (
                "«\u{a0}Nous irons jusqu'au bout\u{a0}», a déclaré Claire Dubois.",
                "Claire Dubois",
            ),
            (
                "Claire Dubois a déclaré : « Nous irons jusqu'au bout. »",
                "Claire Dubois",
            ),
            (
                "Claire Dubois était à Lyon. « Nous irons jusqu'au bout », a-t-elle dit.",
                "Claire Dubois",
            ),
            (
                "Paul Martin était à Lyon. « Nous irons jusqu'au bout », a-t-il ajouté.",
                "Paul Martin",
            ),
            (
                "Selon Claire Dubois, la réforme est « injuste ».",
                "Claire Dubois",
            ),
            (
                "D'après Claire Dubois, la réforme est « injuste ».",
                "Claire Dubois",
            ),
            (
                "« La réforme est injuste », affirme Claire Dubois.",
                "Claire Dubois",
            ),
            (
                "« La réforme est injuste », estime Claire Dubois.",
                "Claire Dubois",
            ),
            (
                "« La réforme est injuste », indique Claire Dubois.",
                "Claire Dubois",
            ),
            (
                "« La réforme est injuste », explique Claire Dubois.",
                "Claire Dubois",
            ),
            (
                "« La réforme est injuste », a déclaré M. Paul Martin.",
                "Paul Martin",
            ),
            (
                "« La réforme est injuste », a déclaré Mme Claire Dubois.",
                "Claire Dubois",
            ),
            (
                "« La réforme est injuste », a déclaré la ministre de la Santé.",
                "la ministre",
            ),
            (
                "« La réforme est injuste », a déclaré le porte-parole du gouvernement.",
                "le porte-parole",
            ),
        ],
    );
}

/// The name-spelling findings of a German draft, as "written → wanted".
fn german_spelling(text: &str) -> Vec<String> {
    let a = read_as(Language::German, text);
    a.findings
        .iter()
        .filter(|f| f.rule == "name-spelling")
        .map(|f| text[f.span.clone()].to_string())
        .collect()
}

#[test]
fn german_genitives_and_plurals_are_forms_not_misspellings() {
    // A name's genitive, a plural used more often than its singular.
    let text = "Ingrid Wolf besuchte Kiel. Wolfs Plan sieht Neuwahlen vor. Die Neuwahlen sollen im Mai sein. Über die Neuwahlen wird gestritten. Eine Neuwahl sei nötig, sagte Wolf.";
    assert_eq!(german_spelling(text), Vec::<String>::new());
    // The singular first, the plural (in a run of capitals) more often.
    let text = "Der Planet kreist. Theorie der Entstehung von Planeten. Die Planeten sind alt. Planeten entstehen.";
    assert_eq!(german_spelling(text), Vec::<String>::new());
    // A slip in the surname is still caught.
    let text = "Ingrid Wolf besuchte Kiel. Wolf sprach dort. Wolf blieb zwei Tage. Am Ende sagte Wolff: „Es war gut.“";
    assert_eq!(german_spelling(text), ["Wolff"]);
    // A genitive full name written first does not set the spelling.
    let text = "Das Leben Karl Weylas war kurz. Karl Weylas Jugend ist bekannt. Der Film heißt „Karl Weyla – ein Leben“.";
    assert_eq!(german_spelling(text), Vec::<String>::new());
    // One stem with two endings: the country's genitive and its people.
    let text = "Die Torchance der Ghanaer kam spät. Dann jubelte Milovan Rajevac, der Trainer Ghanas, nach dem Spiel.";
    assert_eq!(german_spelling(text), Vec::<String>::new());
}

#[test]
fn german_nouns_beside_a_surname_are_nouns() {
    // After an article or a number, or two letters off: a noun, not a slip
    // ("Meter" beside a Meyer, "Gegner" beside a Gentner, "Marke" beside a Merkel).
    let text = "Ralf Meyer lief. Meyer lief 500 Meter. Ralf Gentner spielte. Gentner schlug seinen Gegner. Angela Merkel kam. Merkel sprach. Als Marke gilt Smart.";
    assert_eq!(german_spelling(text), Vec::<String>::new());
    // A one-letter slip where a name stands is still caught.
    let text = "Ralf Meyer lief. Meyer lief weit. Später sagte Meyr, er sei müde.";
    assert_eq!(german_spelling(text), ["Meyr"]);
}

#[test]
fn zufolge_takes_the_speaker_right_before_it() {
    let text = "Ingrid Wolf zufolge sei der Plan, den Jonas Müller vorlegte, „völlig verfehlt“.";
    let a = read_as(Language::German, text);
    let cue = a.quotes[0].cue.as_ref().map(|c| c.text(text));
    assert_eq!(cue.as_deref(), Some("Ingrid Wolf zufolge"));
}

#[test]
fn german_spellings_of_one_name_are_one_person_and_a_particle_is_part_of_it() {
    let text = "Jonas Müller sprach am Montag. Mueller sagte, der Plan sei gut. Am Dienstag sprach Müller erneut. Anna Strauß kam später. Strauss lobte den Plan. Strauß blieb. Wolodymyr Selenskyj reiste nach Berlin. Selenskyj traf den Kanzler. Zelensky sagte, er sei dankbar. Ursula von der Leyen sprach. Von der Leyen sagte, sie sei froh.";
    assert_eq!(german_spelling(text), ["Mueller", "Strauss", "Zelensky"]);
}

#[test]
fn german_reported_speech_goes_on_through_konjunktiv_sentences() {
    check(
        Language::German,
        &[
            // Two sentences in Konjunktiv I after the cue, the quotation in the
            // second: still the speaker's words.
            (
                "Ingrid Wolf sagte am Montag, der Plan sei gescheitert. Die Kosten seien zu hoch. Das Land habe „keinen Spielraum mehr“.",
                "Ingrid Wolf",
            ),
            // Over a paragraph break too.
            (
                "Ingrid Wolf sagte am Montag, der Plan sei gescheitert.\n\nDas Land habe „keinen Spielraum mehr“.",
                "Ingrid Wolf",
            ),
        ],
    );
    // A sentence in the indicative ends the report: the narrative speaks again.
    let text = "Ingrid Wolf sagte am Montag, der Plan sei gescheitert. Das Parlament tagt am Dienstag. Die Vorlage trägt den Titel „Neue Wege“.";
    assert_ne!(
        speaker(Language::German, text).as_deref(),
        Some("Ingrid Wolf"),
        "{text}"
    );
}

#[test]
fn german_capitals_of_nouns_make_no_title_and_no_label() {
    check(
        Language::German,
        &[
            // Every noun is capitalised: "Opfer des Terrorismus" is a phrase of
            // the speaker's, not a title nobody said.
            (
                "Jonas Müller sagte, das Land sei ein „Opfer des Terrorismus“.",
                "Jonas Müller",
            ),
            // A noun before a colon ends a clause; it is no roundup label.
            (
                "Seinen Ärger brachte Jonas Müller deutlich zum Ausdruck: „Das ist nicht hinnehmbar.“",
                "Jonas Müller",
            ),
        ],
    );
    // English keeps its titles: a title-case phrase in a cue sentence is a term.
    let a = read_as(
        Language::English,
        "Jane Hale said she watched “Meet the Press” on Sunday.",
    );
    assert_eq!(a.quotes[0].speaker, None);
}

#[test]
fn german_compounds_are_what_their_last_part_is() {
    check(
        Language::German,
        &[
            // "Regierungssprecher" is a "Sprecher", "Linkspolitiker" a "Politiker".
            (
                "„Wir prüfen das“, sagte ein Regierungssprecher am Montag.",
                "ein Regierungssprecher",
            ),
            (
                "Gegenüber der Zeitung sagte der Linkspolitiker: „Wir helfen.“",
                "der Linkspolitiker",
            ),
            // "sprach von": the speaker after the verb.
            (
                "Von einer „gezielten Täuschung“ sprach der Grünen-Politiker Jonas Müller.",
                "Jonas Müller",
            ),
        ],
    );
}

#[test]
fn german_quotation_after_a_colon_ends_its_sentence() {
    check(
        Language::German,
        &[(
            "Ein Firmensprecher erklärte am Dienstag: „Wir sind zufrieden.“ Tatsächlich spricht die Praxis für den Plan.",
            "ein Firmensprecher",
        )],
    );
}

#[test]
fn german_es_of_heisst_es_is_nobody() {
    // "heißt es": the empty subject "es" is no speaker.
    let text = "Auf der Homepage des Vereins heißt es zur Begründung: „Wir wollen wachsen.“";
    assert_ne!(
        speaker(Language::German, text).as_deref(),
        Some("es"),
        "{text}"
    );
}

#[test]
fn german_heisst_es_names_its_source_after_a_preposition() {
    check(
        Language::German,
        &[
            (
                "„Wir wollen wachsen“, heißt es auf der Webseite des Vereins.",
                "der Webseite",
            ),
            (
                "„Wir wollen wachsen“, heißt es dazu in einer Mitteilung des Vereins.",
                "einer Mitteilung",
            ),
        ],
    );
}

#[test]
fn german_outlet_named_in_quotation_marks_is_the_source() {
    check(
        Language::German,
        &[("Laut „Reuters“ ist die Lage „sehr ernst“.", "Reuters")],
    );
    // The outlet speaks the quotation before it; its own name is nobody's words.
    let text = "„Die Lage ist sehr ernst“, schrieb „Die Zeit“ am Montag.";
    let a = read_as(Language::German, text);
    assert_eq!(a.speaker_name(&a.quotes[0]), Some("Die Zeit"), "{text}");
    assert_eq!(a.quotes[1].speaker, None, "{text}");
    // A name of four words in quotation marks is a name too, never unattributed.
    let text = "„Die Lage ist sehr ernst“, schrieb „Die Neue Welt Zeitung“ am Montag.";
    let a = read_as(Language::German, text);
    assert_eq!(a.quotes[1].kind, QuoteKind::Term, "{text}");
}

#[test]
fn german_offices_and_documents_after_their_article_speak() {
    check(
        Language::German,
        &[
            // The article "der" is no relative pronoun before an office.
            (
                "Hier sparte der Bundespräsident nicht mit Kritik: „Jeder muss handeln.“",
                "der Bundespräsident",
            ),
            // A lowercase word heads no noun phrase: "eine wachsende" is no one.
            (
                "Der Bundespräsident konstatierte eine wachsende „Kluft zwischen Arm und Reich“.",
                "der Bundespräsident",
            ),
            (
                "In einer gemeinsamen Erklärung hieß es, man sei „tief enttäuscht“.",
                "einer gemeinsamen Erklärung",
            ),
            // A fragment is its sentence's subject's, not the last speaker's.
            (
                "„Wir gewinnen“, sagte Ana Ruiz. Tom Hale hält den Plan für „eine Fantasie“.",
                "Tom Hale",
            ),
            (
                "Der Geschäftsführer des Verbandes konstatierte: „Wir sind am Ende.“",
                "der Geschäftsführer des Verbandes",
            ),
        ],
    );
}

#[test]
fn german_subject_opening_the_clause_speaks_not_the_object_after_the_verb() {
    check(
        Language::German,
        &[
            (
                "Der Abgeordnete Jan Modder leitete den Ausschuss. Modder nannte die Absage der Ministerin einen „Vertrauensbruch“.",
                "Jan Modder",
            ),
            (
                "Der Kanzler Gerd Roth nahm Stellung. Er bezeichnete diese als eine „souveräne Entscheidung“.",
                "Gerd Roth",
            ),
            // "des Verbandes" modifies the head before it.
            (
                "Der Geschäftsführer des Verbandes nannte sie „fahrlässig“ und ging.",
                "der Geschäftsführer des Verbandes",
            ),
            // A document after a preposition is no subject.
            (
                "Der Unternehmer Elon Kramer äußerte sich. In der Meldung auf der Seite wird Kramer wie folgt zitiert: „Wir hoffen auf den Start.“",
                "Elon Kramer",
            ),
            // An object first: the capitalised noun is no speaker.
            (
                "Den Plan kritisierte die Ministerin Eva Roth als „Unsinn“.",
                "Eva Roth",
            ),
        ],
    );
}

#[test]
fn german_hearer_after_a_preposition_is_no_speaker() {
    check(
        Language::German,
        &[
            // "gegenüber dem Tageblatt" is whom it was said to; the subject
            // before the apposition speaks.
            (
                "Erik Bauer, der Sprecher der Fraktion, äußerte gegenüber dem Hamburger Tageblatt: „Wir sehen das kritisch.“",
                "Erik Bauer",
            ),
            (
                "Erik Bauer, der Sprecher der Fraktion, sagte vor Journalisten: „Wir sehen das kritisch.“",
                "Erik Bauer",
            ),
            // "hieß es vom …", "verlautete": speech too.
            (
                "„Alles deutet auf einen Anschlag“, hieß es vom Abgeordneten Viktor Orlow.",
                "Viktor Orlow",
            ),
            (
                "„Der Fonds hilft dem Land“, verlautete ein Sprecher.",
                "ein Sprecher",
            ),
        ],
    );
}

#[test]
fn german_article_is_no_particle_of_a_name() {
    // "Sprecher der Fraktion" is an office of a group, not a person named
    // "der Fraktion"; "von der Leyen" keeps its particles.
    let text = "Der Sprecher der Fraktion sagte, man sei mit dem Ergebnis zufrieden. Ursula von der Leyen sagte, sie sei froh.";
    assert_eq!(
        people_named(Language::German, text),
        ["Ursula von der Leyen"],
        "{text}"
    );
    // A particle that is also an indefinite article still joins a name.
    check(
        Language::French,
        &[(
            "Laurence des Cars, présidente du musée, a déclaré : « Nous sommes prêts. »",
            "Laurence des Cars",
        )],
    );
}

#[test]
fn german_roundup_line_names_its_speaker() {
    // Every German noun is capitalised, so such a line reads like a
    // headline; the full stop inside the quotation says it is prose.
    check(
        Language::German,
        &[(
            "Die Kommission kritisierte das Gesetz.\n\nPeter Lindqvist, Ratspräsident: „Das Gesetz ist ein Fehler.“",
            "Peter Lindqvist",
        )],
    );
}

#[test]
fn german_perfect_and_verb_final_clauses_find_their_subject() {
    check(
        Language::German,
        &[
            // The auxiliary stands second, the participle last: a place
            // before the participle is no speaker.
            (
                "Ingrid Wolf hat am Montag in Berlin gesagt, der Plan sei „völlig verfehlt“.",
                "Ingrid Wolf",
            ),
            (
                "Am Montag hat Ingrid Wolf in Kiel erklärt, der Plan sei „völlig verfehlt“.",
                "Ingrid Wolf",
            ),
            // "und" ends the clause before: its auxiliary is not this verb's.
            (
                "Ingrid Wolf hatte den Plan gelobt und Tom Brandt sagte: „Das ist Unsinn.“",
                "Tom Brandt",
            ),
            // A clause "wie" opens puts its subject first, its verb last.
            (
                "Wie Ingrid Wolf am Montag in Kiel sagte, ist der Plan „völlig verfehlt“.",
                "Ingrid Wolf",
            ),
            // So does a relative clause, its auxiliary after the participle,
            // an aside in brackets passed over.
            (
                "Erreicht ist die Marke, die Ingrid Wolf in ihrer Amtszeit (2010 bis 2014) zur wichtigsten Messlatte erklärt hatte: „Wir schaffen das.“",
                "Ingrid Wolf",
            ),
            (
                "Es war eine Reform, die Tom Brandt im Landtag als großes Vorhaben beschrieben hatte: „Wir bauen aus.“",
                "Tom Brandt",
            ),
        ],
    );
}

#[test]
fn german_noun_endings_and_an_opening_article_make_a_noun_that_speaks_as_a_description() {
    // "-ung", "-heit", "-keit" end nouns, never names ("Jung" is too short to
    // be one); a noun the sentence opens with, after its article, right
    // before the speech verb, is the subject.
    let text = "Die Kommission kritisierte das Gesetz scharf und die Abgeordneten wollen den Plan nicht mittragen.\n\nDie Minderheit sprach von „glatter Erpressung“ durch die Gewerkschaft.\n\nDie Hausverwaltung versicherte, dass die Tafel noch existiere. Eine „offene Frage“ sei der Grund für die Verzögerung.\n\n„Wir warten ab“, sagte Eva Hornung. „Wir auch“, sagte Tom Brandt. Hornung erklärte: „Wir nicht.“\n\nJung erklärte: „Wir kommen.“";
    let a = read_as(Language::German, text);
    let speakers: Vec<Option<&str>> = a.quotes.iter().map(|q| a.speaker_name(q)).collect();
    assert_eq!(
        speakers,
        [
            Some("die Minderheit"),
            Some("die Hausverwaltung"),
            Some("Eva Hornung"),
            Some("Tom Brandt"),
            Some("Eva Hornung"),
            Some("Jung"),
        ]
    );
    // An article a subject cannot take opens with the object, and a speaker
    // after the verb wins over a noun before it.
    check(
        Language::German,
        &[
            (
                "Den Plan kritisierte die Ministerin als „völlig verfehlt“.",
                "die Ministerin",
            ),
            (
                "Das Gesetz kritisierte die Ministerin als „völlig verfehlt“.",
                "die Ministerin",
            ),
        ],
    );
}

#[test]
fn german_participle_of_another_verb_is_no_cue() {
    // "gestanden" is "stehen" as often as "gestehen": "Rede und Antwort
    // gestanden" quotes nobody, and "Antwort" is no person for "Sie".
    check(
        Language::German,
        &[(
            "Theresa Brandt hatte am Nachmittag dem Landtag Rede und Antwort gestanden. Sie sicherte dabei dem Kanzler ihre „volle Unterstützung“ zu.",
            "Theresa Brandt",
        )],
    );
}
