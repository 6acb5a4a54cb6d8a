package dev.bazaar.console.dashboards;

/**
 * One choice of a template variable: the text shown in the picker and the value put into queries
 * ({@value TemplateVariables#ALL} for the "All" choice).
 */
public record VariableOption(String text, String value, boolean selected) {
}
