//! Prints the validated question bank as JSON. Trunk runs it before each build (Trunk.toml hook) and puts
//! the result in dist/ as questions.json, which the exam pages fetch on demand.

fn main() {
    use iso20000_readiness::domain::catalogue::{CATALOGUE_VERSION, QUESTIONS};
    print!(
        "{}",
        iso20000_readiness::domain::exam::wire::export(QUESTIONS, CATALOGUE_VERSION)
    );
}
