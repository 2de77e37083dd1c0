package org.sga.core.values;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.function.Consumer;

/** Telling several listeners of one kind about an event. */
public final class Listeners {

    private Listeners() {
    }

    /**
     * Tells each of {@code listeners} in turn; one that throws is logged (its exception's class only: messages can
     * carry what a user wrote) and does not keep the event from the others. Metrics or a record failing must never
     * cost a user their answer or an escalation its notice.
     */
    public static <T> void tellEach(List<T> listeners, Consumer<T> event, String kind) {
        for (T listener : listeners) {
            try {
                event.accept(listener);
            } catch (RuntimeException e) {
                warn(kind, e);
            }
        }
    }

    /**
     * One listener of interface {@code type} that passes every event on to each of {@code listeners}, as
     * {@link #tellEach} does; {@code none} when there are none. Every method of {@code type} must return nothing.
     */
    public static <T> T all(Class<T> type, List<? extends T> listeners, T none, String kind) {
        List<T> copy = List.copyOf(listeners);
        if (copy.isEmpty()) {
            return none;
        }
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return objectMethod(proxy, method, args, kind);
            }
            tellEach(copy, listener -> invoke(method, listener, args), kind);
            return null;
        }));
    }

    private static void invoke(Method method, Object listener, Object[] args) {
        try {
            method.invoke(listener, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object objectMethod(Object proxy, Method method, Object[] args, String kind) {
        return switch (method.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            default -> "all " + kind + " listeners";
        };
    }

    private static void warn(String kind, RuntimeException e) {
        System.getLogger(Listeners.class.getName()).log(System.Logger.Level.WARNING,
                "{0} listener failed with {1}", kind, e.getClass().getName());
    }
}
