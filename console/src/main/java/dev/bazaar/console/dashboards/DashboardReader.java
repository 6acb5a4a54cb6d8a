package dev.bazaar.console.dashboards;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns Grafana's dashboard JSON model into a {@link Dashboard}: the top-level fields, then the panels
 * in file order grouped under the row panels that introduce them.
 */
final class DashboardReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROW = "row";

    private final JsonFields fields;
    private final VariableReader variables;

    private DashboardReader(String source) {
        this.fields = new JsonFields(source);
        this.variables = new VariableReader(fields);
    }

    static Dashboard read(Path file) throws IOException {
        String text = Files.readString(file);
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException e) {
            throw new InvalidDashboardException(file + " is not JSON: " + e.getOriginalMessage(), e);
        }
        return new DashboardReader(file.toString()).dashboard(root);
    }

    static Dashboard parse(String source, String text) {
        try {
            return new DashboardReader(source).dashboard(JSON.readTree(text));
        } catch (JacksonException e) {
            throw new InvalidDashboardException(source + " is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private Dashboard dashboard(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw fields.invalid("the document", "is not a JSON object");
        }
        if (!root.has("panels")) {
            throw fields.invalid("panels", "is missing");
        }
        return new Dashboard(fields.requiredText(root, "uid", ""), fields.requiredText(root, "title", ""),
                fields.text(root, "description").orElse(""), fields.text(root, "refresh").filter(r -> !r.isEmpty()),
                timeWindow(root), variables.variables(root), rows(root));
    }

    private TimeWindow timeWindow(JsonNode root) {
        if (!root.hasNonNull("time")) {
            return TimeWindow.GRAFANA_DEFAULT;
        }
        JsonNode time = fields.requiredObject(root, "time", "");
        TimeWindow window = new TimeWindow(fields.requiredText(time, "from", "time"),
                fields.requiredText(time, "to", "time"));
        checkTime(window.from(), "time.from");
        checkTime(window.to(), "time.to");
        return window;
    }

    private void checkTime(String expression, String path) {
        try {
            RelativeTime.resolve(expression, Instant.EPOCH);
        } catch (IllegalArgumentException e) {
            throw fields.invalid(path, "is not a time the console understands: " + e.getMessage());
        }
    }

    private List<Row> rows(JsonNode root) {
        List<Row> rows = new ArrayList<>();
        RowBuilder current = new RowBuilder("", false, true);
        List<JsonNode> panels = fields.array(root, "panels", "");
        for (int i = 0; i < panels.size(); i++) {
            JsonNode node = panels.get(i);
            String path = JsonFields.element("", "panels", i);
            if (ROW.equals(fields.requiredText(node, "type", path))) {
                current.addTo(rows);
                current = new RowBuilder(fields.text(node, "title").orElse(""), fields.flag(node, "collapsed"), false);
                List<JsonNode> folded = fields.array(node, "panels", path);
                for (int j = 0; j < folded.size(); j++) {
                    current.panels.add(panel(folded.get(j), JsonFields.element(path, "panels", j)));
                }
            } else {
                current.panels.add(panel(node, path));
            }
        }
        current.addTo(rows);
        return rows;
    }

    private Panel panel(JsonNode node, String path) {
        JsonNode grid = fields.requiredObject(node, "gridPos", path);
        String gridPath = JsonFields.path(path, "gridPos");
        GridPos gridPos = new GridPos(fields.requiredInt(grid, "x", gridPath), fields.requiredInt(grid, "y", gridPath),
                fields.requiredInt(grid, "w", gridPath), fields.requiredInt(grid, "h", gridPath));
        JsonNode defaults = node.path("fieldConfig").path("defaults");
        return new Panel(fields.requiredInt(node, "id", path), fields.requiredText(node, "type", path),
                fields.text(node, "title").orElse(""), fields.text(node, "description").orElse(""), gridPos,
                fields.text(defaults, "unit").filter(unit -> !unit.isEmpty()), targets(node, path));
    }

    private List<Target> targets(JsonNode panel, String path) {
        List<JsonNode> nodes = fields.array(panel, "targets", path);
        List<Target> targets = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode node = nodes.get(i);
            String targetPath = JsonFields.element(path, "targets", i);
            boolean instant = fields.flag(node, "instant");
            targets.add(new Target(fields.text(node, "refId").orElse(String.valueOf((char) ('A' + i))),
                    fields.requiredText(node, "expr", targetPath), fields.text(node, "legendFormat").orElse(""),
                    instant, fields.flag(node, "range") || !instant, fields.flag(node, "hide")));
        }
        return targets;
    }

    /** The row being filled while the panels are walked; the untitled leading row is kept only if it has panels. */
    private static final class RowBuilder {
        private final String title;
        private final boolean collapsed;
        private final boolean leading;
        private final List<Panel> panels = new ArrayList<>();

        RowBuilder(String title, boolean collapsed, boolean leading) {
            this.title = title;
            this.collapsed = collapsed;
            this.leading = leading;
        }

        void addTo(List<Row> rows) {
            if (!leading || !panels.isEmpty()) {
                rows.add(new Row(title, collapsed, panels));
            }
        }
    }
}
