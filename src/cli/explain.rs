//! `folio explain`: a check's documentation.

use std::io::Write;

use folio::CheckId;

use super::ExitStatus;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The check's id, e.g. `missing-attribute`; without one, every check is listed.
    check: Option<String>,
}

pub fn run(args: &Args, out: &mut dyn Write) -> anyhow::Result<ExitStatus> {
    let Some(name) = &args.check else {
        for check in CheckId::ALL {
            writeln!(
                out,
                "{:<24} {:<8} {}",
                check.name(),
                check.severity().as_str(),
                check.summary()
            )?;
        }
        return Ok(ExitStatus::Success);
    };
    let Some(check) = CheckId::from_name(name) else {
        anyhow::bail!("there is no check `{name}`\n  help: run `folio explain` to list them");
    };
    writeln!(
        out,
        "# {} ({} by default)\n",
        check.name(),
        check.severity()
    )?;
    write!(out, "{}", check.docs())?;
    Ok(ExitStatus::Success)
}
