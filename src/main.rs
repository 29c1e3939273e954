fn main() {
    #[cfg(target_arch = "wasm32")]
    korea2010::ui::start();
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("korea2010 runs in the browser: use `cargo xtask serve`.");
}
