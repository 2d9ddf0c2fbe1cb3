//! `copydesk rules` and `copydesk explain RULE`: the rule registry as a reader
//! sees it, each rule's explanation being its documentation in the code.

use std::io::Write;

use serde_json::json;

use crate::analysis::rules;

#[derive(clap::Args, Debug)]
pub struct RulesArgs {
    /// How to print the list.
    #[arg(long, value_enum, default_value = "human")]
    format: ListFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ListFormat {
    Human,
    Json,
}

#[derive(clap::Args, Debug)]
pub struct ExplainArgs {
    /// The rule's code, as `copydesk check` prints it (`unattributed-quote`).
    rule: String,
}

/// Every rule with its default severity and summary.
pub fn list(args: RulesArgs) -> u8 {
    let mut out = std::io::stdout().lock();
    let written = match args.format {
        ListFormat::Human => {
            let width = rules::ALL.iter().map(|r| r.code.len()).max().unwrap_or(0);
            rules::ALL.iter().try_for_each(|r| {
                let severity = r.severity.as_str();
                writeln!(out, "{:width$}  {severity:11}  {}", r.code, r.summary())
            })
        }
        ListFormat::Json => {
            let list: Vec<_> = rules::ALL
                .iter()
                .map(|r| {
                    json!({
                        "code": r.code,
                        "severity": r.severity.as_str(),
                        "summary": r.summary(),
                        "explanation": r.explanation(),
                    })
                })
                .collect();
            writeln!(out, "{}", serde_json::Value::Array(list))
        }
    };
    u8::from(written.is_err()) * 2
}

/// One rule's explanation, or an error naming the rules there are.
pub fn explain(args: ExplainArgs) -> u8 {
    let Some(rule) = rules::find(&args.rule) else {
        let known: Vec<&str> = rules::ALL.iter().map(|r| r.code).collect();
        eprintln!(
            "copydesk: unknown rule `{}`; the rules are {}",
            args.rule,
            known.join(", ")
        );
        return 2;
    };
    let mut out = std::io::stdout().lock();
    let written = writeln!(
        out,
        "{} (default: {})\n\n{}",
        rule.code,
        rule.severity.as_str(),
        rule.explanation().trim_end()
    );
    u8::from(written.is_err()) * 2
}
