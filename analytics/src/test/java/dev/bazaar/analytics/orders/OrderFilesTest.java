package dev.bazaar.analytics.orders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.analytics.OrderFixture;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrderFilesTest {

    @TempDir
    Path folder;

    @Test
    void listsCommittedFilesAtAnyDepthAndSkipsEverythingUnderscoreOrDotNamed() throws IOException {
        // given the sink's layout with uncommitted files at the root, inside a customer and as hidden files
        Path root = OrderFixture.standard().write(folder.resolve("orders"));

        // when
        List<String> files = OrderFiles.list(root.toUri().toString(), new Configuration());

        // then
        assertThat(files).as("committed files").hasSize(OrderFixture.FILES)
                .allSatisfy(file -> assertThat(file).startsWith("file:/").contains("/customer=").endsWith(".jsonl"))
                .noneMatch(file -> file.contains("/_") || file.contains("/."))
                .anyMatch(file -> file.contains("/customer=Dave/date=2026-11-20/orders+3+"))
                .isSorted();
    }

    @Test
    void aRootThatDoesNotExistYetHoldsNoOrders() throws IOException {
        // when
        List<String> files = OrderFiles.list(folder.resolve("nothing-written-yet").toUri().toString(),
                new Configuration());

        // then
        assertThat(files).as("files of a root that does not exist").isEmpty();
    }

    @Test
    void namesStartingWithUnderscoreOrDotAreHidden() {
        assertThat(OrderFiles.hidden("_tmp")).as("_tmp").isTrue();
        assertThat(OrderFiles.hidden("_customer=Alice")).as("_customer=Alice").isTrue();
        assertThat(OrderFiles.hidden(".orders+1+0.jsonl.tmp")).as(".orders…tmp").isTrue();
        assertThat(OrderFiles.hidden("customer=Alice")).as("customer=Alice").isFalse();
        assertThat(OrderFiles.hidden("orders+0+0000000000+0000000009.jsonl")).as("a committed file").isFalse();
    }
}
