package org.sga.core.triage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** TRIAGE.md's tables transcribed as plain code, to check the data-driven engine against. */
public final class TriageOracle {

    public static final Map<String, List<String>> QUESTIONS = new LinkedHashMap<>();

    static {
        QUESTIONS.put("immediate_danger", List.of("yes", "no", "unsure"));
        QUESTIONS.put("concern_about", List.of("child_harmed", "child_harming", "adult", "colleague"));
        QUESTIONS.put("images_involved", List.of("yes", "no", "unsure"));
        QUESTIONS.put("images_online", List.of("yes", "no", "unsure"));
        QUESTIONS.put("child_posted_own_image", List.of("yes", "no"));
        QUESTIONS.put("colleague_is_manager", List.of("yes", "no"));
        QUESTIONS.put("confident_to_tell_manager", List.of("yes", "no"));
        QUESTIONS.put("colleague_is_safeguarding_lead", List.of("yes", "no"));
    }

    /** The owners of the actions table, in the order the outcome lists them. */
    public static final List<String> OWNERS = List.of("reporter", "safeguarding_lead", "police");

    /** The actions table's owner column. */
    public static final Map<String, String> OWNER = new LinkedHashMap<>();

    static {
        for (String code : List.of("CALL_999", "TELL_SAFEGUARDING_LEAD", "PRESERVE_EVIDENCE", "DO_NOT_TIP_OFF",
                "INFORM_MANAGER", "ALLEGATIONS_PROCEDURE", "WHISTLEBLOWING", "SHARE_WITHOUT_EVIDENCE", "KEEP_MONITORING",
                "RECORD_INCIDENT")) {
            OWNER.put(code, "reporter");
        }
        for (String code : List.of("CONTACT_POLICE", "SAFER_REFERRAL", "ALERT_PROVIDER", "CHILD_REMOVE_IMAGE",
                "HARMFUL_BEHAVIOUR_PROCEDURE", "SECURE_STORAGE")) {
            OWNER.put(code, "safeguarding_lead");
        }
        OWNER.put("ACCESS_TO_CHILDREN", "police");
    }

    private TriageOracle() {
    }

    public static boolean asked(String question, Map<String, String> a) {
        return switch (question) {
            case "immediate_danger", "concern_about", "images_involved" -> true;
            case "images_online" -> is(a, "images_involved", "yes", "unsure");
            case "child_posted_own_image" -> is(a, "images_online", "yes") && is(a, "concern_about", "child_harmed");
            case "colleague_is_manager" -> is(a, "concern_about", "colleague");
            case "confident_to_tell_manager" -> is(a, "concern_about", "colleague")
                    && is(a, "colleague_is_manager", "no");
            case "colleague_is_safeguarding_lead" -> is(a, "concern_about", "colleague");
            default -> throw new IllegalArgumentException(question);
        };
    }

    public static boolean managerRouteClosed(Map<String, String> a) {
        return is(a, "concern_about", "colleague")
                && (is(a, "colleague_is_manager", "yes") || is(a, "confident_to_tell_manager", "no"));
    }

    public static boolean dslIsSubject(Map<String, String> a) {
        return is(a, "colleague_is_safeguarding_lead", "yes");
    }

    /** The actions that apply, in the actions table's order (which is also owner order). */
    public static Set<String> actions(Map<String, String> a) {
        Set<String> codes = new LinkedHashSet<>();
        if (is(a, "immediate_danger", "yes", "unsure")) {
            codes.add("CALL_999");
        }
        if (!dslIsSubject(a)) {
            codes.add("TELL_SAFEGUARDING_LEAD");
        }
        if (is(a, "images_involved", "yes", "unsure")) {
            codes.add("PRESERVE_EVIDENCE");
        }
        if (is(a, "concern_about", "adult", "colleague")) {
            codes.add("DO_NOT_TIP_OFF");
        }
        if (!managerRouteClosed(a)) {
            codes.add("INFORM_MANAGER");
        }
        if (is(a, "concern_about", "colleague")) {
            codes.add("ALLEGATIONS_PROCEDURE");
        }
        if (managerRouteClosed(a)) {
            codes.add("WHISTLEBLOWING");
        }
        if (is(a, "concern_about", "adult")) {
            codes.add("SHARE_WITHOUT_EVIDENCE");
        }
        if (is(a, "concern_about", "child_harmed")) {
            codes.add("KEEP_MONITORING");
        }
        codes.add("RECORD_INCIDENT");
        if (is(a, "concern_about", "child_harmed", "child_harming", "adult") || is(a, "images_online", "yes")) {
            codes.add("CONTACT_POLICE");
        }
        if (is(a, "concern_about", "child_harmed", "child_harming") || is(a, "images_online", "yes")) {
            codes.add("SAFER_REFERRAL");
        }
        if (is(a, "images_online", "yes")) {
            codes.add("ALERT_PROVIDER");
        }
        if (is(a, "child_posted_own_image", "yes")) {
            codes.add("CHILD_REMOVE_IMAGE");
        }
        if (is(a, "concern_about", "child_harming")) {
            codes.add("HARMFUL_BEHAVIOUR_PROCEDURE");
        }
        if (is(a, "images_involved", "yes")) {
            codes.add("SECURE_STORAGE");
        }
        if (is(a, "concern_about", "adult", "colleague")) {
            codes.add("ACCESS_TO_CHILDREN");
        }
        return codes;
    }

    /** Who carries the action out with these answers: the allegations officer takes the DSL's part when the DSL is the subject. */
    public static String owner(String code, Map<String, String> a) {
        String owner = OWNER.get(code);
        return owner.equals("safeguarding_lead") && dslIsSubject(a) ? "allegations_officer" : owner;
    }

    public static Urgency urgency(Map<String, String> a) {
        if (is(a, "immediate_danger", "yes", "unsure")) {
            return Urgency.EMERGENCY;
        }
        if (is(a, "images_involved", "yes", "unsure") || is(a, "images_online", "yes")
                || is(a, "concern_about", "child_harmed", "child_harming", "colleague")) {
            return Urgency.URGENT;
        }
        return Urgency.STANDARD;
    }

    public static Set<Role> notify(Map<String, String> a, boolean insideOfficeHours) {
        Set<Role> roles = new LinkedHashSet<>();
        if (!dslIsSubject(a)) {
            roles.add(Role.SAFEGUARDING_LEAD);
        }
        if (!managerRouteClosed(a) && insideOfficeHours) {
            roles.add(Role.MANAGER);
        }
        if (!insideOfficeHours) {
            roles.add(Role.OUT_OF_HOURS);
        }
        if (is(a, "concern_about", "colleague")) {
            roles.add(Role.ALLEGATIONS_OFFICER);
        }
        if (dslIsSubject(a)) {
            roles.add(Role.GOVERNANCE_LEAD);
        }
        return roles;
    }

    /** Every complete set of answers the questions allow, each in question order. */
    public static List<Map<String, String>> completeAnswers() {
        List<Map<String, String>> all = new ArrayList<>();
        walk(new ArrayList<>(QUESTIONS.keySet()), 0, new LinkedHashMap<>(), all::add);
        return all;
    }

    private static void walk(List<String> ids, int index, Map<String, String> so, Consumer<Map<String, String>> out) {
        if (index == ids.size()) {
            out.accept(new LinkedHashMap<>(so));
            return;
        }
        String id = ids.get(index);
        if (!asked(id, so)) {
            walk(ids, index + 1, so, out);
            return;
        }
        for (String value : QUESTIONS.get(id)) {
            so.put(id, value);
            walk(ids, index + 1, so, out);
            so.remove(id);
        }
    }

    private static boolean is(Map<String, String> a, String question, String... values) {
        String answer = a.get(question);
        return answer != null && List.of(values).contains(answer);
    }
}
