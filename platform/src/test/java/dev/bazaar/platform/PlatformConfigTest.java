package dev.bazaar.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bazaar.platform.process.AotCaches;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The launcher settings of the AOT caches. */
class PlatformConfigTest {

    @Test
    void aotIsOnByDefaultAndOffWithTheSettingOrThePeakProfile() {
        // given the default settings, BAZAAR_AOT=false, and the peak profile
        PlatformConfig defaults = PlatformConfig.resolve(Map.of());
        PlatformConfig off = PlatformConfig.resolve(Map.of("BAZAAR_AOT", "FALSE"));
        PlatformConfig peak = PlatformConfig.resolve(Map.of("BAZAAR_JVM_PROFILE", "peak"));

        // when their JVMs are resolved
        AotCaches onByDefault = defaults.jvm().aot();

        // then only the defaults keep caches (on JDK 25+, which builds this)
        assertThat(defaults.aot()).as("default").isTrue();
        if (Runtime.version().feature() >= AotCaches.FIRST_JDK) {
            assertThat(onByDefault.off()).as("default caches").isEmpty();
        }
        assertThat(off.jvm().aot().off()).as("BAZAAR_AOT=false").contains("BAZAAR_AOT=false");
        assertThat(peak.jvm().aot().off()).as("peak").hasValueSatisfying(why -> assertThat(why).contains("peak"));
    }

    @Test
    void aotMustBeTrueOrFalse() {
        assertThatThrownBy(() -> PlatformConfig.resolve(Map.of("BAZAAR_AOT", "yes")))
                .hasMessage("BAZAAR_AOT must be true or false, was 'yes'");
    }
}
