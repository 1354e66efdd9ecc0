package org.yrd.platform.system;

import tools.jackson.databind.json.JsonMapper;

/** The JSON mapper of the system tests. */
public final class PlatformJson {

    public static final JsonMapper MAPPER = JsonMapper.builder().build();

    private PlatformJson() {
    }
}
