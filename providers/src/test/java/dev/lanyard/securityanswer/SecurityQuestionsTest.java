package dev.lanyard.securityanswer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SecurityQuestionsTest {

    @Test
    void eachValueIsAnIdAndAQuestionAndIdsStayWhenOthersGo() {
        SecurityQuestions questions = SecurityQuestions.of(Map.of("questions",
                "2: What was the make and model of your first car?##3 :  What was the name of your elementary / primary school? ",
                "reset-by-answer", "true"));
        assertEquals(List.of(new SecurityQuestions.Question(2, "What was the make and model of your first car?"),
                new SecurityQuestions.Question(3, "What was the name of your elementary / primary school?")), questions.questions());
        assertTrue(questions.resetByAnswer());
        assertEquals("What was the name of your elementary / primary school?", questions.byId(3).orElseThrow().question());
        assertTrue(questions.byId(1).isEmpty());
    }

    @Test
    void resetByAnswerIsOffUnlessSwitchedOnAndBadEntriesAreNamed() {
        assertFalse(SecurityQuestions.of((Map<String, String>) null).resetByAnswer());
        assertFalse(SecurityQuestions.of(Map.of("questions", "1: Q?")).resetByAnswer());
        assertEquals(List.of("no id here", "1: again"), SecurityQuestions.invalidEntries("1: Q?##no id here##1: again"));
        assertEquals(1, SecurityQuestions.of(Map.of("questions", "1: Q?##no id here##1: again")).questions().size());
    }
}
