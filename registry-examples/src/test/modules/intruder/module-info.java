/** A user's module that tries to compile against the library's internals: javac must refuse it. */
module example.intruder {
    requires dev.registry;
}
