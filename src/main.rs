use std::process::ExitCode;

fn main() -> ExitCode {
    copydesk::cli::main()
}
