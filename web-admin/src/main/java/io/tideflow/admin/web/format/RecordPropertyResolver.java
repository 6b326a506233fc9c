package io.tideflow.admin.web.format;

import jakarta.el.ELContext;
import jakarta.el.ELResolver;
import jakarta.el.PropertyNotWritableException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;

/**
 * Lets pages read a record's components as properties ({@code #{task.state}}), as Jakarta EL 6 does; the servers of
 * Jakarta EE 10 ship EL 5, which knows only getters, and the engine's views are records. Registered in
 * faces-config.xml; read-only, as records are.
 */
public class RecordPropertyResolver extends ELResolver {

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        RecordComponent component = componentOf(base, property);
        if (component == null) {
            return null;
        }
        try {
            Object value = component.getAccessor().invoke(base);
            context.setPropertyResolved(base, property);
            return value;
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(
                    "reading " + property + " of a " + base.getClass().getName(), e);
        }
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        RecordComponent component = componentOf(base, property);
        if (component == null) {
            return null;
        }
        context.setPropertyResolved(base, property);
        return null; // read-only: no type to coerce a written value to
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        if (componentOf(base, property) != null) {
            throw new PropertyNotWritableException(property + " of a record cannot be written");
        }
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        if (componentOf(base, property) == null) {
            return false;
        }
        context.setPropertyResolved(base, property);
        return true;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return base != null && base.getClass().isRecord() ? String.class : null;
    }

    private static RecordComponent componentOf(Object base, Object property) {
        if (base == null || !base.getClass().isRecord() || !(property instanceof String name)) {
            return null;
        }
        for (RecordComponent component : base.getClass().getRecordComponents()) {
            if (component.getName().equals(name)) {
                return component;
            }
        }
        return null;
    }
}
