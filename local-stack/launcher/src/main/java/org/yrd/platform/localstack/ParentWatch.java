package org.yrd.platform.localstack;

/**
 * Lets a process started by the launcher end when the launcher is gone, even after a {@code kill -9} of the
 * launcher, so a store or issuer never keeps a port and a file lock for nobody.
 */
final class ParentWatch {

    static final String PROPERTY = "local-stack.exit-with-parent";

    /** When the launcher asked for it, exits (running shutdown hooks) once the parent process has ended. */
    static void exitWithParentIfRequested() {
        if (!Boolean.getBoolean(PROPERTY)) {
            return;
        }
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> {
            System.out.println("the launcher (pid " + parent.pid() + ") has ended: exiting");
            System.exit(0);
        }));
    }

    private ParentWatch() {}
}
