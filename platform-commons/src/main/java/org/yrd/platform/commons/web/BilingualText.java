package org.yrd.platform.commons.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;
import java.util.Set;

/**
 * Bilingual text: a map from {@code zh-CN} / {@code en-US} to text. At least one language must be non-blank
 * (unless {@code required=false} and the map is absent), unknown tags are refused, each text has a length cap.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = BilingualText.Validator.class)
public @interface BilingualText {

    Set<String> LANGUAGES = Set.of("zh-CN", "en-US");

    String message() default "must have text in zh-CN or en-US (or both), and no other language tags";

    int maxLength() default 200;

    boolean required() default true;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<BilingualText, Map<String, String>> {

        private int maxLength;
        private boolean required;

        @Override
        public void initialize(BilingualText annotation) {
            maxLength = annotation.maxLength();
            required = annotation.required();
        }

        @Override
        public boolean isValid(Map<String, String> text, ConstraintValidatorContext context) {
            if (text == null) {
                return !required;
            }
            boolean any = false;
            for (Map.Entry<String, String> entry : text.entrySet()) {
                if (!LANGUAGES.contains(entry.getKey())) {
                    // the tag is not echoed: user text must never reach the message interpolator
                    return fail(context, "has an unknown language tag: use zh-CN or en-US");
                }
                String value = entry.getValue();
                if (value != null && !wellFormed(value)) {
                    return fail(context, "text in " + entry.getKey() + " is not well-formed Unicode (a lone surrogate)");
                }
                if (value != null && value.length() > maxLength) {
                    return fail(context, "text in " + entry.getKey() + " is longer than " + maxLength + " characters");
                }
                any |= value != null && !value.isBlank();
            }
            return any || fail(context, "must have non-empty text in zh-CN or en-US");
        }

        /** Unpaired UTF-16 surrogates (JSON "\\ud800") cannot be stored as UTF-8. */
        private static boolean wellFormed(String value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (Character.isHighSurrogate(c)) {
                    if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                        return false;
                    }
                    i++;
                } else if (Character.isLowSurrogate(c)) {
                    return false;
                }
            }
            return true;
        }

        private static boolean fail(ConstraintValidatorContext context, String message) {
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(message).addConstraintViolation();
            return false;
        }
    }
}
