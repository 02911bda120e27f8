fn main() {
    doubling_sandbox::start();
}
