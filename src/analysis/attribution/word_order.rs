//! Where a language puts the speaker of a speech verb: the one function of word
//! order per language that the attribution reads.
//!
//! English names the speaker before the verb ("Merkel said"), or after it when
//! the quotation comes first ("…,” said Merkel). German puts the finite verb
//! second in its clause: whenever something else opens the clause — the
//! quotation, a time, a place — the subject follows the verb („…“, sagte
//! Merkel; Am Montag sagte die Kanzlerin …), so a name right after the verb is
//! the speaker before any name before it. In the perfect the auxiliary takes
//! that place and the participle goes last (Merkel hat in Berlin gesagt), and a
//! clause a conjunction opens puts its verb last and its subject right after
//! the conjunction (wie Merkel am Montag sagte). French, like English, names the
//! speaker before the verb, or after it in an inversion (« … », a déclaré X;
//! a-t-il dit), which the English reading already takes.

use crate::analysis::lexicon::Language;

/// Whether the speaker right after a speech verb comes before one before it.
pub fn speaker_after_verb_first(language: Language) -> bool {
    matches!(language, Language::German)
}
