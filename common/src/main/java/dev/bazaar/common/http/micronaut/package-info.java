/**
 * The HTTP security every Micronaut service of the platform shares: HTTPS with the keystore the
 * launcher issued, HTTP basic and opaque bearer tokens checked against the platform's secrets, and
 * the bearer challenge of a 401. Its beans stay off until the service declares a
 * {@link dev.bazaar.common.http.micronaut.ServiceSecurity}; the rules of its routes stay in its own
 * {@code micronaut.security.intercept-url-map}. Also the RFC 7807 problem JSON of the errors and refusals a
 * service answers ({@link dev.bazaar.common.http.micronaut.ProblemResponseProcessor}, which a service
 * subclasses for its own problem document). common's Micronaut dependencies are optional: code
 * outside a Micronaut service never loads this package.
 */
package dev.bazaar.common.http.micronaut;
