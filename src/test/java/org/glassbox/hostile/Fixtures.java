package org.glassbox.hostile;

import java.lang.reflect.Field;

/** Main classes that the child-process tests start. */
final class Fixtures {

    private Fixtures() {
    }

    /** Crashes its JVM in native code: a write to address 0 is a segmentation fault. */
    static final class Segfault {
        public static void main(String[] args) throws Exception {
            Field f = Class.forName("sun.misc.Unsafe").getDeclaredField("theUnsafe");
            f.setAccessible(true);
            Object unsafe = f.get(null);
            unsafe.getClass().getMethod("putAddress", long.class, long.class).invoke(unsafe, 0L, 42L);
        }
    }

    /** Prints where the assets were found. */
    static final class PrintAssetsHome {
        public static void main(String[] args) {
            System.out.println(org.glassbox.data.Assets.locate().home());
        }
    }
}
