//! Rebuilds the binary when the embedded project changes: `include_dir!` compiles in
//! `content/` and `locales/`, but cannot tell Cargo about files added later.

fn main() {
    println!("cargo:rerun-if-changed=content");
    println!("cargo:rerun-if-changed=locales");
}
