package dev.bazaar.console.dashboards;

/**
 * Where a panel sits on Grafana's grid: 24 columns wide, {@code y} and {@code h} in rows of 30 pixels,
 * so a page can lay panels out as Grafana would.
 */
public record GridPos(int x, int y, int w, int h) {
}
