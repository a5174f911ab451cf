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
    void aRetiredQuestionIsOfferedNoMoreButKeepsItsWordingAndId() {
        SecurityQuestions questions = SecurityQuestions.of(Map.of("questions", "2: First car?##5 (retired): First pet?##6: First school?"));
        assertEquals(List.of(2L, 6L), questions.questions().stream().map(SecurityQuestions.Question::id).toList());
        assertTrue(questions.byId(5).isEmpty(), "no new answers to a retired question");
        assertEquals("First pet?", questions.anyById(5).orElseThrow().question());
        assertEquals("2: First car?##5 (retired): First pet?##6: First school?", SecurityQuestions.joined(questions.all()),
                "written back as read");
        assertEquals(List.of(), SecurityQuestions.invalidEntries("5 (retired): First pet?"), "the admin console accepts the form");
    }

    @Test
    void resetByAnswerIsOffUnlessSwitchedOnAndBadEntriesAreNamed() {
        assertFalse(SecurityQuestions.of((Map<String, String>) null).resetByAnswer());
        assertFalse(SecurityQuestions.of(Map.of("questions", "1: Q?")).resetByAnswer());
        assertEquals(List.of("no id here", "1: again"), SecurityQuestions.invalidEntries("1: Q?##no id here##1: again"));
        assertEquals(1, SecurityQuestions.of(Map.of("questions", "1: Q?##no id here##1: again")).questions().size());
    }
}
