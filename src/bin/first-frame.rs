//! Writes the first frame of every event's deep link into a build:
//! `cargo run --bin first-frame -- DIR` fills `DIR/first-frame/<event id>.html` (see
//! `views::details::first_frame`). The post-build step runs it on every build.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use korea2010::views::details::first_frame;
    use std::path::PathBuf;

    let Some(build) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!(
            "usage: first-frame DIR (the build to write DIR/{}/ into)",
            first_frame::DIRECTORY
        );
        return std::process::ExitCode::FAILURE;
    };
    let catalog = match korea2010::data::load_embedded() {
        Ok(catalog) => catalog,
        Err(error) => {
            eprintln!("first-frame: the built-in dataset could not be read: {error}");
            return std::process::ExitCode::FAILURE;
        }
    };
    let directory = build.join(first_frame::DIRECTORY);
    let written = std::fs::create_dir_all(&directory).and_then(|()| {
        first_frame::all(&catalog)
            .into_iter()
            .try_for_each(|(name, html)| std::fs::write(directory.join(name), html))
    });
    match written {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("first-frame: cannot write {}: {error}", directory.display());
            std::process::ExitCode::FAILURE
        }
    }
}

// The build step runs natively; the wasm build has nothing to do with it.
#[cfg(target_arch = "wasm32")]
fn main() {}
