/**
 * Reading model documents and logged outcomes as JSON trees: strict parsing with limits, field checks that name
 * the JSON path, bet limits and abandon actions, comparing outcomes. Internal to fairspin: exported only to
 * {@code io.fairspin.audit}.
 */
package io.fairspin.math.json;
