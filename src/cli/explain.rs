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
        return list(out);
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

/// Lists every check with its default severity and what it finds.
pub fn list(out: &mut dyn Write) -> anyhow::Result<ExitStatus> {
    for check in CheckId::ALL {
        writeln!(
            out,
            "{:<26} {:<8} {}",
            check.name(),
            check.severity().as_str(),
            check.summary()
        )?;
    }
    Ok(ExitStatus::Success)
}
