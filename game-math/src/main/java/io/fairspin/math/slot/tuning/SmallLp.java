package io.fairspin.math.slot.tuning;

import io.fairspin.math.Fraction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The vertices of a small polytope, exactly: {@code lo <= m_g <= hi} for each of k coordinates, some equalities
 * {@code a . m = 0} and inequalities {@code a . m >= 0}. Each vertex is where k of the constraints' planes meet
 * (every equality among them) and all the others hold; with k at most 3 and a handful of constraints, trying every
 * choice is cheaper than a simplex and exact. A linear-fractional figure (G . m) / (W . m) with a positive
 * denominator takes its least and greatest values over the polytope at vertices, and their mean is a point inside.
 */
final class SmallLp {
    private SmallLp() {
    }

    /**
     * The polytope's vertices, without repeats; empty when it is empty.
     *
     * @param k the number of coordinates
     * @param lo the least value of each coordinate
     * @param hi the greatest value of each coordinate
     * @param equalities vectors a with a . m = 0
     * @param inequalities vectors a with a . m &gt;= 0
     * @return the vertices
     */
    static List<Fraction[]> vertices(int k, Fraction lo, Fraction hi, List<Fraction[]> equalities,
            List<Fraction[]> inequalities) {
        List<Fraction[]> planes = new ArrayList<>(); // a . m = c, stored as a then c at index k
        for (Fraction[] a : inequalities) {
            planes.add(withConstant(a, Fraction.ZERO));
        }
        for (int g = 0; g < k; g++) {
            for (Fraction bound : new Fraction[] {lo, hi}) {
                Fraction[] face = new Fraction[k + 1];
                Arrays.fill(face, Fraction.ZERO);
                face[g] = Fraction.ONE;
                face[k] = bound;
                planes.add(face);
            }
        }
        List<Fraction[]> vertices = new ArrayList<>();
        int free = k - equalities.size();
        if (free < 0) {
            throw new IllegalArgumentException("more equalities than coordinates");
        }
        choose(planes, free, 0, new ArrayList<>(), chosen -> {
            List<Fraction[]> system = new ArrayList<>();
            for (Fraction[] a : equalities) {
                system.add(withConstant(a, Fraction.ZERO));
            }
            system.addAll(chosen);
            Fraction[] m = solve(system, k);
            if (m != null && feasible(m, lo, hi, equalities, inequalities)
                    && vertices.stream().noneMatch(v -> Arrays.equals(v, m))) {
                vertices.add(m);
            }
        });
        return vertices;
    }

    /** The mean of the points: inside their convex hull. */
    static Fraction[] mean(List<Fraction[]> points) {
        Fraction[] sum = points.get(0).clone();
        for (int p = 1; p < points.size(); p++) {
            for (int g = 0; g < sum.length; g++) {
                sum[g] = sum[g].add(points.get(p)[g]);
            }
        }
        for (int g = 0; g < sum.length; g++) {
            sum[g] = sum[g].divide(points.size());
        }
        return sum;
    }

    static Fraction dot(Fraction[] a, Fraction[] m) {
        Fraction sum = Fraction.ZERO;
        for (int g = 0; g < m.length; g++) {
            sum = sum.add(a[g].multiply(m[g]));
        }
        return sum;
    }

    private static boolean feasible(Fraction[] m, Fraction lo, Fraction hi, List<Fraction[]> equalities,
            List<Fraction[]> inequalities) {
        for (Fraction x : m) {
            if (x.compareTo(lo) < 0 || x.compareTo(hi) > 0) {
                return false;
            }
        }
        for (Fraction[] a : equalities) {
            if (dot(a, m).signum() != 0) {
                return false;
            }
        }
        for (Fraction[] a : inequalities) {
            if (dot(a, m).signum() < 0) {
                return false;
            }
        }
        return true;
    }

    private static Fraction[] withConstant(Fraction[] a, Fraction c) {
        Fraction[] row = Arrays.copyOf(a, a.length + 1);
        row[a.length] = c;
        return row;
    }

    private static void choose(List<Fraction[]> planes, int count, int from, List<Fraction[]> chosen,
            java.util.function.Consumer<List<Fraction[]>> each) {
        if (chosen.size() == count) {
            each.accept(chosen);
            return;
        }
        for (int i = from; i < planes.size(); i++) {
            chosen.add(planes.get(i));
            choose(planes, count, i + 1, chosen, each);
            chosen.remove(chosen.size() - 1);
        }
    }

    /** The unique solution of the square system (rows a then c), or null when it is singular. */
    private static Fraction[] solve(List<Fraction[]> rows, int k) {
        Fraction[][] a = new Fraction[k][];
        for (int i = 0; i < k; i++) {
            a[i] = rows.get(i).clone();
        }
        for (int col = 0; col < k; col++) {
            int pivot = -1;
            for (int i = col; i < k; i++) {
                if (a[i][col].signum() != 0) {
                    pivot = i;
                    break;
                }
            }
            if (pivot < 0) {
                return null;
            }
            Fraction[] t = a[col];
            a[col] = a[pivot];
            a[pivot] = t;
            for (int i = 0; i < k; i++) {
                if (i != col && a[i][col].signum() != 0) {
                    Fraction factor = a[i][col].divide(a[col][col]);
                    for (int j = col; j <= k; j++) {
                        a[i][j] = a[i][j].subtract(factor.multiply(a[col][j]));
                    }
                }
            }
        }
        Fraction[] m = new Fraction[k];
        for (int i = 0; i < k; i++) {
            m[i] = a[i][k].divide(a[i][i]);
        }
        return m;
    }
}
