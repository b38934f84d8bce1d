package io.onramp.domain.people;

/**
 * One entry of a tenant's people directory, valid by {@link PersonRules}.
 *
 * @param name {@code null} when not known
 * @param timezone an IANA zone, {@code null} when not known
 * @param locale a BCP 47 tag, {@code null} when not known
 */
public record Person(String tenantId, String userId, String email, String name, String timezone, String locale) {}
