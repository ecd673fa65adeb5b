package dev.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionRangeTest {

    @Test
    void precedenceIsSemver2s() {
        // The order the SemVer 2.0 specification gives in its section 11, shuffled then sorted.
        List<String> expected = List.of("1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2",
                "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.1.0", "2.0.0", "10.0.0");
        List<SemanticVersion> versions = new ArrayList<>();
        expected.forEach(text -> versions.add(SemanticVersion.parseOrNull(text)));
        Collections.reverse(versions);
        Collections.sort(versions);
        assertEquals(expected, versions.stream().map(SemanticVersion::toString).toList());
        assertEquals(0, SemanticVersion.parseOrNull("1.2.3+build.7").compareTo(SemanticVersion.parseOrNull("v1.2.3")));
    }

    @Test
    void rejectsWhatIsNotAVersion() {
        for (String notSemver : List.of("1.2", "01.2.3", "1.2.3-", "1.2.3-a..b", "a.b.c", "", "1.2.3.4")) {
            assertNull(SemanticVersion.parseOrNull(notSemver), notSemver);
        }
        for (String badRange : List.of("^one", ">=", "1.2 || ", "~x.1", "1.2.3.4.5")) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> VersionRange.parse(badRange));
            assertTrue(error.getMessage().contains("'" + badRange + "'"), error.getMessage());
        }
    }

    @ParameterizedTest
    @CsvSource({
        "^1.4,       1.4.0,       true",
        "^1.4,       1.9.9,       true",
        "^1.4,       2.0.0,       false",
        "^1.4,       1.3.9,       false",
        "^1.4,       1.5.0-rc.1,  false",
        "^0.2.3,     0.2.9,       true",
        "^0.2.3,     0.3.0,       false",
        "^0.0.3,     0.0.4,       false",
        "~1.4,       1.4.7,       true",
        "~1.4,       1.5.0,       false",
        ">=1.2 <2.0, 1.2.0,       true",
        ">=1.2 <2.0, 2.0.0-rc.1,  false",
        ">=1.2 <2.0, 2.0.0,       false",
        ">1.2,       1.2.9,       false",
        ">1.2,       1.3.0,       true",
        ">1.2.3,     1.2.4,       true",
        "<=1.4,      1.4.9,       true",
        "<=1.4,      1.5.0,       false",
        "1.4.2,      1.4.2,       true",
        "1.4.2,      1.4.3,       false",
        "1.4,        1.4.3,       true",
        "1.x,        1.9.0,       true",
        "1.x,        2.0.0,       false",
        "*,          0.0.1,       true",
        "*,          1.0.0-beta,  false",
        ">=2.0.0-rc.1, 2.0.0-rc.2, true",
        ">=2.0.0-rc.1, 2.1.0-rc.1, false",
        "1.3.x || >=2, 2.4.0,     true",
        "1.3.x || >=2, 1.5.0,     false",
        "^1.4,       '',          false",
        "^1.4,       not-semver,  false",
    })
    void matchesAsNpmAndCargoUsersExpect(String range, String version, boolean contained) {
        assertEquals(contained, VersionRange.parse(range).contains(version), range + " contains " + version);
    }
}
