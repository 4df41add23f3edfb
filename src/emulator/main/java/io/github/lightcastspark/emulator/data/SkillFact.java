package io.github.lightcastspark.emulator.data;

/**
 * One O*NET skill of an occupation.
 *
 * @param name the O*NET skill name
 * @param importance O*NET importance, 1 to 5
 */
public record SkillFact(String name, double importance) {}
