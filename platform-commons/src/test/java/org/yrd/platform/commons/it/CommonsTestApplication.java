package org.yrd.platform.commons.it;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A minimal service built only from platform-commons, to test the shared mechanisms end to end. */
@SpringBootApplication
public class CommonsTestApplication {
}
